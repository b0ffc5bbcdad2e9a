package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.jdbc.JdbcDialect;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.jdbc.JdbcVersionMarkerStore;
import dev.ioflow.webhook.spi.MarkerKey;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.OutboxStoreException;
import dev.ioflow.webhook.internal.jdbc.H2Durability;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building the JDBC stores: dialect detection, schema creation, and the errors users meet first. */
class JdbcStoreSetupTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final DataSource h2 = TestDatabases.h2InMemory();

    @Test
    void detectsH2FromTheConnectionMetadata() {
        assertThat(JdbcOutbox.builder().dataSource(h2).createSchema(true).build().dialect()).isEqualTo(JdbcDialect.H2);
    }

    @Test
    void creatingTheSchemaAgainKeepsTheRows() {
        JdbcOutbox first = JdbcOutbox.builder().dataSource(h2).createSchema(true).build();
        first.append(List.of(entry("secret-payload")));

        JdbcOutbox second = JdbcOutbox.builder().dataSource(h2).createSchema(true).build();
        JdbcVersionMarkerStore.builder().dataSource(h2).createSchema(true).build();

        assertThat(second.liveCount()).isEqualTo(1);
    }

    @Test
    void theShippedSchemaFileCreatesTheTablesTheStoresUse() throws SQLException {
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM 'classpath:/dev/ioflow/webhook/jdbc/schema-h2.sql'");
        }
        JdbcOutbox outbox = JdbcOutbox.builder().dataSource(h2).build();
        JdbcVersionMarkerStore markers = JdbcVersionMarkerStore.builder().dataSource(h2).build();
        MarkerKey key = new MarkerKey("ioCustomer", "crm", "c-1");

        outbox.append(List.of(entry("{}")));
        markers.put(key, new PayloadHash(1, 2));

        assertThat(outbox.claim(10, T0, Duration.ofSeconds(30), "w")).hasSize(1);
        assertThat(markers.get(key)).isEqualTo(new PayloadHash(1, 2));
    }

    @Test
    void aTablePrefixRenamesTheTables() throws SQLException {
        JdbcOutbox.builder().dataSource(h2).tablePrefix("shop_").createSchema(true).build()
                .append(List.of(entry("{}")));

        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeQuery("SELECT COUNT(*) FROM shop_outbox").next()).isTrue();
            assertThat(statement.executeQuery("SELECT COUNT(*) FROM shop_version_marker").next()).isTrue();
        }
    }

    @Test
    void aTablePrefixThatIsNotAPlainIdentifierIsRejected() {
        assertThatThrownBy(() -> JdbcOutbox.builder().dataSource(h2).tablePrefix("x; DROP TABLE users; --").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table prefix 'x; DROP TABLE users; --' must be a plain SQL identifier of at most 40 "
                        + "letters, digits and underscores");
    }

    @Test
    void aMissingDataSourceIsReported() {
        assertThatThrownBy(() -> JdbcVersionMarkerStore.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a JDBC store needs a dataSource");
    }

    @Test
    void anUnsupportedDatabaseIsRejectedByName() {
        assertThatThrownBy(() -> JdbcOutbox.builder().dataSource(databaseNamed("MySQL")).build())
                .isInstanceOf(OutboxStoreException.class)
                .hasMessage("unsupported database 'MySQL': the JDBC outbox and marker store support H2 and PostgreSQL");
    }

    @Test
    void aDatabaseErrorNamesTheOperationAndTableButNotThePayload() {
        JdbcOutbox withoutTables = JdbcOutbox.builder().dataSource(h2).build();

        assertThatThrownBy(() -> withoutTables.append(List.of(entry("secret-payload"))))
                .isInstanceOf(OutboxStoreException.class)
                .hasMessageStartingWith("append on table ioflow_outbox failed (SQLState ")
                .hasMessageNotContaining("secret-payload")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void anH2FileDatabaseWithTheDefaultWriteDelayIsCheckpointedAfterEachCommit(@TempDir Path directory) {
        DataSource file = TestDatabases.h2("jdbc:h2:file:" + directory.resolve("late"));

        assertThat(H2Durability.of(file, "ioflow_*")).isEqualTo(new H2Durability(true, "H2 database file of table"
                + " ioflow_* keeps the space of obsolete chunks for 45000 ms (RETENTION_TIME): add ;RETENTION_TIME=0"
                + " to the JDBC URL to keep the file small"));
    }

    @Test
    void anH2FileDatabaseWithoutItsBackgroundWriterIsReported(@TempDir Path directory) {
        DataSource file = TestDatabases.h2("jdbc:h2:file:" + directory.resolve("growing") + ";WRITE_DELAY=0");

        assertThat(H2Durability.of(file, "ioflow_*")).isEqualTo(new H2Durability(false, "H2 database file of table"
                + " ioflow_* has WRITE_DELAY=0, which stops H2's background writer, the only thing that compacts the"
                + " file: it grows with every commit while it is open; remove WRITE_DELAY=0 from the JDBC URL and add"
                + " ;RETENTION_TIME=0 (the outbox writes its own commits at once with CHECKPOINT)"));
    }

    @Test
    void anH2FileDatabaseAsRecommendedIsCheckpointedAndNotReported(@TempDir Path directory) {
        DataSource file = TestDatabases.h2File(directory.resolve("durable"));

        assertThat(H2Durability.of(file, "ioflow_*")).isEqualTo(new H2Durability(true, null));
    }

    @Test
    void anInMemoryH2DatabaseNeedsNoCheckpoints() {
        assertThat(H2Durability.of(h2, "ioflow_*")).isEqualTo(new H2Durability(false, null));
    }

    private static OutboxEntry entry(String payload) {
        return OutboxEntry.builder().messageId("msg-1").webhookId("wh").integrationObject("ioCustomer")
                .destinationId("crm").integrationKey("c-1").changeType(ChangeType.SAVED)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).payloadHash(new PayloadHash(1, 2)).createdAt(T0)
                .attempts(0).nextAttemptAt(T0).build();
    }

    /** A data source whose connections claim to belong to the named database product, and do nothing else. */
    private static DataSource databaseNamed(String product) {
        DatabaseMetaData metaData = proxy(DatabaseMetaData.class, "getDatabaseProductName", product);
        Connection connection = proxy(Connection.class, "getMetaData", metaData);
        return proxy(DataSource.class, "getConnection", connection);
    }

    private static <T> T proxy(Class<T> type, String method, Object result) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals(method)) {
                return result;
            }
            if (m.getName().equals("close")) {
                return null;
            }
            throw new UnsupportedOperationException(m.getName());
        }));
    }
}
