package dev.ioflow.webhook.jdbc;

import dev.ioflow.webhook.OutboxStoreException;

import dev.ioflow.webhook.internal.jdbc.JdbcStore;
import dev.ioflow.webhook.internal.jdbc.SchemaScript;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * Configures a JDBC store: {@link JdbcOutbox#builder()}, {@link JdbcVersionMarkerStore#builder()} and
 * {@link JdbcOutboundRequestStore#builder()} return one. Only the data source is required.
 *
 * <pre>{@code
 * JdbcOutbox outbox = JdbcOutbox.builder()
 *         .dataSource(dataSource)
 *         .tablePrefix("shop_")      // tables shop_outbox and shop_version_marker
 *         .createSchema(true)
 *         .build();
 * }</pre>
 *
 * @param <S> the store it builds
 * @since 0.1
 */
public final class JdbcStoreBuilder<S> {
    private final BiFunction<JdbcStore, Clock, S> factory;
    private final BiFunction<JdbcDialect, String, SchemaScript> schema;
    private DataSource dataSource;
    private JdbcDialect dialect;
    private String tablePrefix = JdbcStore.DEFAULT_PREFIX;
    private boolean createSchema;
    private Clock clock = Clock.systemUTC();

    JdbcStoreBuilder(BiFunction<JdbcStore, Clock, S> factory) {
        this(factory, SchemaScript::load);
    }

    /** A builder of a store whose tables {@code schema} defines. */
    JdbcStoreBuilder(BiFunction<JdbcStore, Clock, S> factory, BiFunction<JdbcDialect, String, SchemaScript> schema) {
        this.factory = factory;
        this.schema = schema;
    }

    /** The application's data source (its connection pool); required. */
    public JdbcStoreBuilder<S> dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    /** The database dialect; by default detected from the connection's metadata. */
    public JdbcStoreBuilder<S> dialect(JdbcDialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        return this;
    }

    /**
     * Prefix of the table and index names (default {@code ioflow_}): at most 40 letters, digits and underscores.
     * Lets several independent outboxes share one database schema.
     */
    public JdbcStoreBuilder<S> tablePrefix(String tablePrefix) {
        this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
        return this;
    }

    /**
     * Whether {@link #build()} creates the missing tables and indexes (for the outbox and the version marker store,
     * the outbox's and the version markers'; for the outbound request store, its own), with idempotent DDL; default
     * false, for applications that manage their schema with migrations.
     */
    public JdbcStoreBuilder<S> createSchema(boolean createSchema) {
        this.createSchema = createSchema;
        return this;
    }

    /** The clock that timestamps dead letters and marker updates; default the system UTC clock. */
    public JdbcStoreBuilder<S> clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Builds the store; connects once to detect the dialect (unless set) and to create the schema (if asked).
     *
     * @throws IllegalStateException    when no data source was set
     * @throws IllegalArgumentException when the table prefix is not a plain identifier
     * @throws OutboxStoreException     when the database is unreachable or neither H2 nor PostgreSQL
     */
    public S build() {
        if (dataSource == null) {
            throw new IllegalStateException("a JDBC store needs a dataSource");
        }
        return factory.apply(JdbcStore.open(dataSource, dialect, tablePrefix, createSchema, schema), clock);
    }
}
