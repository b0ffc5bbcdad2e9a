package dev.ioflow.webhook.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * H2 writes a commit to its file up to {@code WRITE_DELAY} milliseconds (default 500) after the commit returns, so a
 * process killed in between loses changes the application was told were saved. The outbox promises durability, so
 * the stores warn about such a database.
 */
public final class H2Durability {

    private H2Durability() {
    }

    /** A warning naming the delay and the fix, or empty when commits are written at once. */
    public static Optional<String> warning(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
             ResultSet row = select.executeQuery()) {
            if (!row.next() || Integer.parseInt(row.getString(1).strip()) == 0) {
                return Optional.empty();
            }
            return Optional.of("H2 database of table " + table + " writes commits up to " + row.getString(1).strip()
                    + " ms late (WRITE_DELAY): a killed process can lose changes already reported as saved; add"
                    + " ;WRITE_DELAY=0 to the JDBC URL");
        } catch (SQLException | NumberFormatException e) {
            return Optional.of("cannot read the WRITE_DELAY of the H2 database of table " + table + ": " + e);
        }
    }
}
