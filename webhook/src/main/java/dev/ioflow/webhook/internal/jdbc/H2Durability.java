package dev.ioflow.webhook.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The two H2 settings a file-based outbox needs, checked when a store opens.
 * <ul>
 *   <li>H2 writes a commit to its file up to {@code WRITE_DELAY} milliseconds (default 500) after the commit
 *       returns, so a process killed in between loses changes the application was told were saved.</li>
 *   <li>With {@code WRITE_DELAY=0} every commit is a new chunk of the file, and H2 keeps chunks that later commits
 *       made obsolete for {@code RETENTION_TIME} milliseconds (default 45,000); with the background writer off (which
 *       {@code WRITE_DELAY=0} does in H2 2.4), nothing frees them afterwards: 12,000 small commits left 11,908 chunks
 *       and a 199 MB file (199 chunks and 2.5 MB with {@code RETENTION_TIME=0}).</li>
 * </ul>
 */
public final class H2Durability {

    /** The URL options that make a file-based H2 outbox durable and keep its file small. */
    public static final String RECOMMENDED_OPTIONS = ";WRITE_DELAY=0;RETENTION_TIME=0";

    private H2Durability() {
    }

    /** A warning naming the setting and the fix, or empty when the database is set as recommended. */
    public static Optional<String> warning(DataSource dataSource, String table) {
        Map<String, Integer> settings = new HashMap<>();
        boolean file;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT SETTING_NAME, SETTING_VALUE, "
                     + "DATABASE_PATH() FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('WRITE_DELAY', "
                     + "'RETENTION_TIME')");
             ResultSet rows = select.executeQuery()) {
            file = false;
            while (rows.next()) {
                settings.put(rows.getString(1), Integer.parseInt(rows.getString(2).strip()));
                file = rows.getString(3) != null;
            }
        } catch (SQLException | NumberFormatException e) {
            return Optional.of("cannot read the WRITE_DELAY of the H2 database of table " + table + ": " + e);
        }
        int writeDelay = settings.getOrDefault("WRITE_DELAY", 0);
        if (writeDelay != 0) {
            return Optional.of("H2 database of table " + table + " writes commits up to " + writeDelay
                    + " ms late (WRITE_DELAY): a killed process can lose changes already reported as saved; add "
                    + RECOMMENDED_OPTIONS + " to the JDBC URL");
        }
        int retention = settings.getOrDefault("RETENTION_TIME", 0);
        if (file && retention != 0) {
            return Optional.of("H2 database file of table " + table + " keeps the file space of every commit for "
                    + retention + " ms (RETENTION_TIME), and with WRITE_DELAY=0 never frees it while it is open: "
                    + "the file grows with every commit; add RETENTION_TIME=0 to the JDBC URL");
        }
        return Optional.empty();
    }
}
