package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.jdbc.JdbcDialect;

/**
 * The version-marker table's statements. Every statement starts with the key's three parameters: integration
 * object, destination, integration key.
 *
 * @param table   the marker table's name
 * @param dialect the database's dialect
 */
public record MarkerSql(String table, JdbcDialect dialect) {

    private static final String KEY = "integration_object = ? AND destination_id = ? AND integration_key = ?";

    /** Reads a marker's hash: key. */
    public String select() {
        return "SELECT hash_high, hash_low FROM " + table + " WHERE " + KEY;
    }

    /**
     * PostgreSQL: the markers of several keys, one row per key that has one: integration object, destination,
     * integration key, hash high, hash low. Parameters: arrays of integration object, destination, integration key.
     */
    public String selectKeys() {
        return "SELECT m.integration_object, m.destination_id, m.integration_key, m.hash_high, m.hash_low FROM "
                + table + " m JOIN unnest(?::text[], ?::text[], ?::text[]) AS k(integration_object, destination_id, "
                + "integration_key) ON m.integration_object = k.integration_object "
                + "AND m.destination_id = k.destination_id AND m.integration_key = k.integration_key";
    }

    /** Inserts or replaces a marker: key, hash high, hash low, updated at. */
    public String upsert() {
        String columns = " (integration_object, destination_id, integration_key, hash_high, hash_low, updated_at)";
        return switch (dialect) {
            case H2 -> "MERGE INTO " + table + columns
                    + " KEY (integration_object, destination_id, integration_key) VALUES (?, ?, ?, ?, ?, ?)";
            case POSTGRESQL -> "INSERT INTO " + table + columns + " VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (integration_object, destination_id, integration_key) DO UPDATE SET"
                    + " hash_high = EXCLUDED.hash_high, hash_low = EXCLUDED.hash_low, updated_at = EXCLUDED.updated_at";
        };
    }

    /**
     * PostgreSQL, {@link #upsert()} for several keys (each at most once) in one statement. Parameters: arrays of
     * integration object, destination, integration key, hash high, hash low; then updated at (ISO-8601 text).
     */
    public String upsertAll() {
        return "INSERT INTO " + table + " (integration_object, destination_id, integration_key, hash_high, hash_low, "
                + "updated_at) SELECT k.integration_object, k.destination_id, k.integration_key, k.hash_high, "
                + "k.hash_low, ?::timestamptz FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) "
                + "WITH ORDINALITY AS k(integration_object, destination_id, integration_key, hash_high, hash_low, n) "
                + "ORDER BY k.n ON CONFLICT (integration_object, destination_id, integration_key) DO UPDATE SET "
                + "hash_high = EXCLUDED.hash_high, hash_low = EXCLUDED.hash_low, updated_at = EXCLUDED.updated_at";
    }

    /** PostgreSQL, {@link #delete()} for several keys. Parameters: arrays of integration object, destination, key. */
    public String deleteAll() {
        return "DELETE FROM " + table + " m USING unnest(?::text[], ?::text[], ?::text[]) AS k(integration_object, "
                + "destination_id, integration_key) WHERE m.integration_object = k.integration_object "
                + "AND m.destination_id = k.destination_id AND m.integration_key = k.integration_key";
    }

    /** Deletes a marker: key. */
    public String delete() {
        return "DELETE FROM " + table + " WHERE " + KEY;
    }
}
