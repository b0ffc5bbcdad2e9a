package dev.ioflow.webhook.jdbc;

/**
 * The databases {@link JdbcOutbox} and {@link JdbcVersionMarkerStore} speak. Normally detected from the
 * connection's metadata; set it on the builder only to skip that round trip.
 *
 * @since 0.1
 */
public enum JdbcDialect {
    /** H2 2.2 or newer, embedded or server. */
    H2,
    /** PostgreSQL 10 or newer. */
    POSTGRESQL
}
