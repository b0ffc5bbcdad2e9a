package dev.ioflow.webhook.jdbc;

import static dev.ioflow.webhook.Fixtures.CUSTOMERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.webhook.Fixtures;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.TransactionBinding;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Changes written into the application's own transaction commit and roll back with the application's write: a
 * rolled-back transaction sends nothing, a committed one is delivered; with an explicit connection and with a
 * {@link TransactionBinding} that finds the thread's transaction and wakes the workers after the commit.
 */
class CallerTransactionTest {

    abstract static class Contract {
        private final String prefix = TestDatabases.uniquePrefix();
        private final List<String> received = new ArrayList<>();
        private final DeliveryTarget target = batch -> {
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            batch.forEach(d -> {
                received.add(new String(d.payload(), StandardCharsets.UTF_8));
                outcomes.add(DeliveryOutcome.delivered(200, "ok"));
            });
            return outcomes;
        };
        private final ThreadBinding binding = new ThreadBinding();
        private WebhookService webhooks;

        abstract DataSource dataSource();

        @BeforeEach
        void setUp() throws SQLException {
            try (Connection connection = dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + prefix + "customer (id VARCHAR(64) PRIMARY KEY, email VARCHAR(255))");
            }
            webhooks = WebhookService.builder()
                    .outbox(JdbcOutbox.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true).build())
                    .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(target).build())
                    .transactionBinding(binding)
                    .build();
        }

        @AfterEach
        void tearDown() throws SQLException {
            webhooks.close();
            try (Connection connection = dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + prefix + "customer");
            }
            TestDatabases.dropTables(dataSource(), prefix);
        }

        @Test
        void aCommittedTransactionDeliversItsChange() throws SQLException {
            try (Connection connection = begin()) {
                insertCustomer(connection, "c1");
                assertThat(webhooks.saved(customer("c1"), connection)).isEqualTo(1);
                assertThat(webhooks.outbox().liveCount()).as("before the commit").isZero();
                connection.commit();
            }
            assertThat(webhooks.outbox().liveCount()).isEqualTo(1);
            assertThat(webhooks.deliverDue()).isEqualTo(1);
            assertThat(received).singleElement().asString().contains("c1@example.com");
        }

        @Test
        void aRolledBackTransactionSendsNothing() throws SQLException {
            try (Connection connection = begin()) {
                insertCustomer(connection, "c1");
                webhooks.saved(customer("c1"), connection);
                webhooks.deleted(List.of(customer("c2")), connection);
                connection.rollback();
            }
            assertThat(customerCount()).isZero();
            assertThat(webhooks.outbox().liveCount()).isZero();
            assertThat(webhooks.deliverDue()).isZero();
            assertThat(received).isEmpty();
            assertThat(webhooks.saved(customer("c1"))).as("the rolled-back save did not count as sent").isEqualTo(1);
        }

        @Test
        void theTransactionBoundToTheThreadIsUsedAndWorkersAreWokenAfterTheCommit() throws SQLException {
            try (Connection connection = begin()) {
                binding.bind(connection);
                insertCustomer(connection, "c1");
                assertThat(webhooks.saved(customer("c1"))).isEqualTo(1);
                connection.rollback();
                binding.unbind(false);
            }
            assertThat(webhooks.outbox().liveCount()).as("rolled back").isZero();
            try (Connection connection = begin()) {
                binding.bind(connection);
                insertCustomer(connection, "c1");
                webhooks.saved(customer("c1"));
                connection.commit();
                assertThat(binding.afterCommit).hasSize(1);
                binding.unbind(true);
            }
            assertThat(webhooks.deliverDue()).isEqualTo(1);
            assertThat(received).hasSize(1);
            assertThat(customerCount()).isEqualTo(1);
        }

        @Test
        void anAutoCommitConnectionIsRefused() throws SQLException {
            try (Connection connection = dataSource().getConnection()) {
                connection.setAutoCommit(true);
                assertThatThrownBy(() -> webhooks.saved(customer("c1"), connection))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("auto-commit");
            }
        }

        private Connection begin() throws SQLException {
            Connection connection = dataSource().getConnection();
            connection.setAutoCommit(false);
            return connection;
        }

        private void insertCustomer(Connection connection, String id) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + prefix + "customer (id, email) VALUES (?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, id + "@example.com");
                insert.executeUpdate();
            }
        }

        private long customerCount() throws SQLException {
            try (Connection connection = dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + prefix + "customer")) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void anOutboxOutsideTheDatabaseCannotJoinATransaction() throws SQLException {
        DataSource dataSource = TestDatabases.h2InMemory();
        try (WebhookService inMemory = WebhookService.builder()
                .webhook(WebhookConfiguration.builder(CUSTOMERS, "crm").target(batch -> List.of()).build()).build();
             Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            assertThatThrownBy(() -> inMemory.saved(customer("c1"), connection))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("same database");
        }
    }

    /** A binding like a framework's: a connection per thread, callbacks run on commit. */
    private static final class ThreadBinding implements TransactionBinding {
        private final ThreadLocal<Connection> current = new ThreadLocal<>();
        final List<Runnable> afterCommit = new ArrayList<>();

        void bind(Connection connection) {
            current.set(connection);
        }

        void unbind(boolean committed) {
            current.remove();
            if (committed) {
                afterCommit.forEach(Runnable::run);
            }
            afterCommit.clear();
        }

        @Override
        public @Nullable Connection currentConnection() {
            return current.get();
        }

        @Override
        public void afterCommit(Runnable action) {
            afterCommit.add(action);
        }
    }

    @Nested
    class OnH2 extends Contract {
        private final DataSource dataSource = TestDatabases.h2InMemory();

        @Override
        DataSource dataSource() {
            return dataSource;
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.NO_POSTGRES)
    class OnPostgres extends Contract {
        private final DataSource dataSource = TestDatabases.postgres();

        @Override
        DataSource dataSource() {
            return dataSource;
        }
    }

    private static Map<String, Object> customer(String id) {
        return Fixtures.customer(id, id + "@example.com");
    }
}
