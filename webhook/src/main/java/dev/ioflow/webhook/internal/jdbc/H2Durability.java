package dev.ioflow.webhook.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * How a file-based H2 outbox is made durable without letting its file grow, decided when a store opens.
 * <ul>
 *   <li>H2 writes a commit to its file up to {@code WRITE_DELAY} milliseconds (default 500) after the commit
 *       returns, so a process killed in between would lose changes the application was told were saved. The stores
 *       therefore run {@code CHECKPOINT} after each of their own commits, which writes it before they return.</li>
 *   <li>The old advice, {@code WRITE_DELAY=0}, writes every commit at once too, but it also stops H2's background
 *       writer, the only thing that compacts the file: every commit is a new chunk, partly obsolete chunks are
 *       never rewritten, and the file grows while the database is open (20,000 delivered changes: 112 MB with
 *       {@code ;WRITE_DELAY=0;RETENTION_TIME=0}, 1.2 GB without the second option, 14 MB at its peak with the
 *       default write delay and {@code RETENTION_TIME=0}). That setting is warned about.</li>
 *   <li>{@code RETENTION_TIME=0} lets H2 reuse the space of obsolete chunks at once instead of after 45 s.</li>
 * </ul>
 * Changes appended in the application's own transaction ({@code saved(item, connection)}) are written when that
 * transaction commits, as H2 writes the application's items: within {@code WRITE_DELAY}, together.
 *
 * @param checkpointCommits whether the stores must run {@code CHECKPOINT} after each commit
 * @param warning           what is wrong with the database's settings, or null
 */
public record H2Durability(boolean checkpointCommits, @Nullable String warning) {

    /** The URL options recommended for a file-based H2 outbox. */
    public static final String RECOMMENDED_OPTIONS = ";RETENTION_TIME=0";

    /** Reads the database's settings and tries a {@code CHECKPOINT} where one is needed. */
    public static H2Durability of(DataSource dataSource, String table) {
        Map<String, Integer> settings = new HashMap<>();
        boolean file = false;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT SETTING_NAME, SETTING_VALUE, "
                    + "DATABASE_PATH() FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('WRITE_DELAY', "
                    + "'RETENTION_TIME')");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    settings.put(rows.getString(1), Integer.parseInt(rows.getString(2).strip()));
                    file = rows.getString(3) != null;
                }
            }
            if (!file) {
                return new H2Durability(false, null); // an in-memory database ends with the process anyway
            }
            int writeDelay = settings.getOrDefault("WRITE_DELAY", 0);
            if (writeDelay == 0) {
                return new H2Durability(false, "H2 database file of table " + table + " has WRITE_DELAY=0, which "
                        + "stops H2's background writer, the only thing that compacts the file: it grows with every "
                        + "commit while it is open; remove WRITE_DELAY=0 from the JDBC URL and add "
                        + RECOMMENDED_OPTIONS + " (the outbox writes its own commits at once with CHECKPOINT)");
            }
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT");
            } catch (SQLException e) {
                return new H2Durability(false, "H2 database of table " + table + " writes commits up to "
                        + writeDelay + " ms late (WRITE_DELAY) and refused CHECKPOINT (" + e.getMessage()
                        + "): a killed process can lose changes already reported as saved; give the user admin "
                        + "rights");
            }
            String retention = settings.getOrDefault("RETENTION_TIME", 0) == 0 ? null
                    : "H2 database file of table " + table + " keeps the space of obsolete chunks for "
                    + settings.get("RETENTION_TIME") + " ms (RETENTION_TIME): add " + RECOMMENDED_OPTIONS
                    + " to the JDBC URL to keep the file small";
            return new H2Durability(true, retention);
        } catch (SQLException | NumberFormatException e) {
            return new H2Durability(false, "cannot read the WRITE_DELAY of the H2 database of table " + table + ": "
                    + e);
        }
    }
}
