package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.jdbc.JdbcDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics of a young table current, so that its lookups run on the plans of its real
 * size. A table created moments before has no statistics; PostgreSQL then plans the store's key lookups as for a
 * tiny table (sequential scans, hash joins over the whole table), a prepared statement keeps such a plan, and the
 * plans only change when autovacuum analyzes the table, at most once a minute ({@code autovacuum_naptime}) and never
 * where autovacuum is off. On a fresh outbox that halved the rate of single appends until then.
 *
 * <p>Every {@value #CHECK_EVERY} rows this process writes, a short-lived background thread compares the table's size
 * on disk with the size its statistics describe, on a connection of its own (never the writer's, whose transaction
 * may still be open); when the table has reached {@value #MIN_PAGES} pages and more than doubled, it runs
 * {@code ANALYZE} (a few milliseconds on a small table; it blocks neither reads nor writes). Once the
 * statistics describe {@value #GROWN} rows or more, it stops: a table analyzed at that size has index plans for key
 * lookups, which only get better as it grows, and autovacuum keeps it current from there. A failure (such as a
 * database user that does not own the table: PostgreSQL then skips it with a warning) is logged, never thrown.
 * Nothing happens on H2. Thread-safe.
 */
public final class YoungTableStatistics {
    private static final Logger LOG = LoggerFactory.getLogger(YoungTableStatistics.class);

    /** How many rows written between two looks at the table's size. */
    static final int CHECK_EVERY = 1_000;
    /** The smallest table worth analyzing (64 KiB). */
    static final int MIN_PAGES = 8;
    /** From this many rows in the statistics on, autovacuum's analyses are soon enough. */
    static final long GROWN = 10_000;

    private static final String SIZES = "SELECT c.reltuples, c.relpages, "
            + "pg_relation_size(c.oid) / current_setting('block_size')::bigint FROM pg_class c "
            + "WHERE c.oid = to_regclass(?)";

    private final JdbcStore store;
    private final String table;
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean looking = new AtomicBoolean();
    private volatile boolean grown;

    private YoungTableStatistics(JdbcStore store, String table, boolean grown) {
        this.store = store;
        this.table = table;
        this.grown = grown;
    }

    /** The statistics keeper of one table of the store (inactive on H2). */
    public static YoungTableStatistics of(JdbcStore store, String table) {
        return new YoungTableStatistics(store, table, store.dialect() != JdbcDialect.POSTGRESQL);
    }

    /** Counts rows this process wrote to the table (committed, or about to be); looks at its size now and then. */
    public void written(int rows) {
        if (grown || rows <= 0) {
            return;
        }
        long before = written.getAndAdd(rows);
        if (before / CHECK_EVERY == (before + rows) / CHECK_EVERY || !looking.compareAndSet(false, true)) {
            return;
        }
        Thread look = new Thread(this::look, "ioflow-statistics-" + table);
        look.setDaemon(true);
        look.start();
    }

    private void look() {
        try {
            store.inImplicitTransaction("analyze a young table", table, connection -> {
                lookAndAnalyze(connection);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("could not refresh the planner statistics of {} (its lookups may be slow until autovacuum "
                    + "analyzes it)", table, e);
        } finally {
            looking.set(false);
        }
    }

    private void lookAndAnalyze(Connection connection) throws SQLException {
        double tuples;
        long pagesKnown;
        long pages;
        try (PreparedStatement sizes = connection.prepareStatement(SIZES)) {
            sizes.setString(1, table);
            try (ResultSet row = sizes.executeQuery()) {
                if (!row.next()) {
                    return;
                }
                tuples = row.getDouble(1);
                pagesKnown = row.getLong(2);
                pages = row.getLong(3);
            }
        }
        if (tuples >= GROWN) {
            grown = true;
            return;
        }
        if (pages < MIN_PAGES || pages <= 2 * pagesKnown) {
            return;
        }
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("ANALYZE " + table);
        }
        LOG.debug("analyzed {}: its statistics described {} rows in {} pages, it has {} pages", table,
                (long) tuples, pagesKnown, pages);
    }
}
