package dev.ioflow.odata.jdbc;

import dev.ioflow.core.monitoring.MonitorCleanup;
import dev.ioflow.core.monitoring.MonitorPage;
import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.odata.InboundRequest;
import dev.ioflow.odata.InboundRequestQuery;
import dev.ioflow.webhook.internal.jdbc.JdbcMonitorStore;
import dev.ioflow.webhook.internal.jdbc.JdbcStore;
import dev.ioflow.webhook.internal.jdbc.SchemaScript;
import dev.ioflow.webhook.jdbc.JdbcDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The {@link dev.ioflow.odata.InboundMonitor InboundMonitor}'s records in a database table
 * ({@code ioflow_inbound_request}), in the same database as the items or the webhook outbox: inbound monitoring
 * survives restarts and shows the requests of every application instance. H2 and PostgreSQL. Needs
 * {@code ioflow-webhook} on the class path, whose JDBC stores this one shares its machinery with: like the
 * {@code JdbcOutboundRequestStore}, records written at the same time by several threads share one transaction,
 * which on PostgreSQL does not wait for its disk flush; retention cleanup deletes the oldest expired rows in
 * transactions of at most {@value #DELETE_BATCH} rows, skipping rows another instance is deleting. Database errors
 * surface as {@code dev.ioflow.webhook.OutboxStoreException}. Thread-safe.
 *
 * <pre>{@code
 * InboundMonitor monitor = InboundMonitor.builder()
 *         .store(JdbcInboundRequestStore.builder().dataSource(dataSource).createSchema(true).build())
 *         .build();
 * }</pre>
 *
 * <p>The table is defined in {@code dev/ioflow/odata/jdbc/inbound-monitoring-postgresql.sql} and
 * {@code inbound-monitoring-h2.sql}: apply them yourself, or let {@link Builder#createSchema(boolean)} do it (the
 * statements are idempotent; a later version adds its columns with {@code ADD COLUMN IF NOT EXISTS}). It has an index
 * per query criterion except the integration key: a request's keys share one column, which a key query scans
 * newest first.
 *
 * @since 1.0
 */
public final class JdbcInboundRequestStore implements MonitorStore<InboundRequest, InboundRequestQuery> {
    /** The most rows one cleanup transaction deletes. */
    public static final int DELETE_BATCH = JdbcMonitorStore.DELETE_BATCH;

    private final JdbcMonitorStore<InboundRequest, InboundRequestQuery> rows;

    private JdbcInboundRequestStore(JdbcStore store) {
        this.rows = new JdbcMonitorStore<>(store, new InboundRequestTable(store.table("inbound_request")),
                "inbound requests");
    }

    /** A builder with the defaults: prefix {@code ioflow_}, dialect detected, no schema creation. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void add(InboundRequest record) {
        rows.add(record);
    }

    /** Inserts the records in one transaction, shared with those other threads add meanwhile. */
    @Override
    public void addAll(List<InboundRequest> records) {
        rows.addAll(records);
    }

    @Override
    public MonitorPage<InboundRequest> query(InboundRequestQuery query) {
        return rows.query(query);
    }

    @Override
    public int delete(MonitorCleanup cleanup) {
        return rows.delete(cleanup);
    }

    @Override
    public long count() {
        return rows.count();
    }

    @Override
    public String toString() {
        return "JdbcInboundRequestStore[" + rows + "]";
    }

    /** The shipped DDL of a dialect, with the prefix applied. */
    static SchemaScript schema(JdbcDialect dialect, String tablePrefix) {
        String resource = "inbound-monitoring-" + dialect.name().toLowerCase(Locale.ROOT) + ".sql";
        try (InputStream in = JdbcInboundRequestStore.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource dev/ioflow/odata/jdbc/" + resource
                        + " is missing from the ioflow-odata jar");
            }
            return SchemaScript.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), tablePrefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource dev/ioflow/odata/jdbc/" + resource, e);
        }
    }

    /** Configures a {@link JdbcInboundRequestStore}; only the data source is required. */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private String tablePrefix = JdbcStore.DEFAULT_PREFIX;
        private boolean createSchema;

        private Builder() {
        }

        /** The application's data source (its connection pool); required. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Prefix of the table and index names (default {@code ioflow_}, as the webhook tables): at most 40 letters,
         * digits and underscores.
         */
        public Builder tablePrefix(String tablePrefix) {
            this.tablePrefix = Objects.requireNonNull(tablePrefix, "tablePrefix");
            return this;
        }

        /**
         * Whether {@link #build()} creates the table and its indexes when missing, with idempotent DDL; default
         * false, for applications that manage their schema with migrations.
         */
        public Builder createSchema(boolean createSchema) {
            this.createSchema = createSchema;
            return this;
        }

        /**
         * Builds the store; connects once to detect the dialect and to create the schema (if asked).
         *
         * @throws IllegalStateException    when no data source was set
         * @throws IllegalArgumentException when the table prefix is not a plain identifier
         * @throws dev.ioflow.webhook.OutboxStoreException when the database is unreachable or neither H2 nor
         *                                  PostgreSQL
         */
        public JdbcInboundRequestStore build() {
            if (dataSource == null) {
                throw new IllegalStateException("a JDBC inbound request store needs a dataSource");
            }
            return new JdbcInboundRequestStore(JdbcStore.open(dataSource, null, tablePrefix, createSchema,
                    JdbcInboundRequestStore::schema));
        }
    }
}
