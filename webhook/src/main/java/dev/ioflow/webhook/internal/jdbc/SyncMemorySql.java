package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.jdbc.JdbcDialect;

/**
 * The sync-memory table's statements: one row per (webhook, integration key) with the last run that saw the item and
 * its last payload.
 *
 * @param table   the table's name
 * @param dialect the database's dialect
 */
public record SyncMemorySql(String table, JdbcDialect dialect) {

    /** The highest run remembered for a webhook (null when none): webhook. */
    public String lastRun() {
        return "SELECT MAX(last_run) FROM " + table + " WHERE webhook_id = ?";
    }

    /**
     * Whether keys travel as one array per statement (PostgreSQL, whose {@code = ANY(?)} uses the primary key), or one
     * statement per key in a JDBC batch (H2: its {@code ANY} of an array only uses the key's first column, and an
     * embedded database has no round trip to save).
     */
    public boolean keysAsArray() {
        return dialect == JdbcDialect.POSTGRESQL;
    }

    /** Marks the remembered items among a set of keys as seen and returns their keys: run, webhook, keys (array). */
    public String touchAll() {
        return "UPDATE " + table + " SET last_run = ? WHERE webhook_id = ? AND integration_key = ANY(?) "
                + "RETURNING integration_key";
    }

    /** Marks one remembered item as seen: run, webhook, key. */
    public String touchOne() {
        return "UPDATE " + table + " SET last_run = ? WHERE webhook_id = ? AND integration_key = ?";
    }

    /** Inserts or replaces an item: webhook, key, run, hash high, hash low, payload. */
    public String upsert() {
        String columns = " (webhook_id, integration_key, last_run, payload_hash_high, payload_hash_low, payload)";
        return switch (dialect) {
            case H2 -> "MERGE INTO " + table + columns + " KEY (webhook_id, integration_key) VALUES (?, ?, ?, ?, ?, ?)";
            case POSTGRESQL -> "INSERT INTO " + table + columns + " VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (webhook_id, integration_key) DO UPDATE SET last_run = EXCLUDED.last_run,"
                    + " payload_hash_high = EXCLUDED.payload_hash_high, payload_hash_low = EXCLUDED.payload_hash_low,"
                    + " payload = EXCLUDED.payload";
        };
    }

    /** Items not seen since a run, through the (webhook, run, key) index: webhook, run, limit. */
    public String missing() {
        return "SELECT integration_key, payload_hash_high, payload_hash_low, payload FROM " + table
                + " WHERE webhook_id = ? AND last_run < ? ORDER BY last_run, integration_key LIMIT ?";
    }

    /** Forgets items: webhook, keys (an array). */
    public String deleteAll() {
        return "DELETE FROM " + table + " WHERE webhook_id = ? AND integration_key = ANY(?)";
    }

    /** Forgets one item: webhook, key. */
    public String deleteOne() {
        return "DELETE FROM " + table + " WHERE webhook_id = ? AND integration_key = ?";
    }
}
