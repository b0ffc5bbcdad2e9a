package dev.ioflow.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.webhook.jdbc.JdbcOutbox;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** On H2; {@link SpringTransactionBindingPostgresTest} runs the same on PostgreSQL. */
class SpringTransactionBindingTest {
    /** The table prefix of this test's outbox. */
    protected final String prefix = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    private final DataSource dataSource = dataSource();
    private final SpringTransactionBinding binding = new SpringTransactionBinding(dataSource);
    private final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private final JdbcOutbox outbox = JdbcOutbox.builder().dataSource(dataSource).tablePrefix(prefix)
            .createSchema(true).build();

    /** The database under test. */
    DataSource dataSource() {
        return h2();
    }

    @AfterEach
    void close() throws Exception {
        outbox.close();
        dropTables(dataSource);
    }

    /** Removes this test's tables (an in-memory H2 database vanishes on its own). */
    void dropTables(DataSource db) throws Exception {
    }

    @Test
    void outsideATransactionThereIsNoConnection() {
        assertThat(binding.currentConnection()).isNull();
    }

    @Test
    void aTransactionOnAnotherDataSourceDoesNotCount() {
        new TransactionTemplate(new DataSourceTransactionManager(h2())).executeWithoutResult(status ->
                assertThat(binding.currentConnection()).isNull());
    }

    @Test
    void insideATransactionItIsTheTransactionsOwnConnection() {
        tx.executeWithoutResult(status -> {
            Connection connection = binding.currentConnection();
            assertThat(connection).isNotNull();
            assertThat(connection).isSameAs(
                    org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource));
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
        });
    }

    @Test
    void aChangeAppendedInARolledBackTransactionVanishesAndItsAfterCommitActionNeverRuns() {
        AtomicInteger woken = new AtomicInteger();
        tx.executeWithoutResult(status -> {
            outbox.append(List.of(Entries.entry("c-1")), binding.currentConnection());
            binding.afterCommit(woken::incrementAndGet);
            status.setRollbackOnly();
        });
        assertThat(outbox.liveCount()).isZero();
        assertThat(woken).hasValue(0);
    }

    @Test
    void aChangeAppendedInACommittedTransactionIsLiveAfterTheCommitAndTheActionRunsThen() {
        AtomicInteger woken = new AtomicInteger();
        tx.executeWithoutResult(status -> {
            outbox.append(List.of(Entries.entry("c-2")), binding.currentConnection());
            binding.afterCommit(woken::incrementAndGet);
            assertThat(woken).as("not before the commit").hasValue(0);
        });
        assertThat(outbox.liveCount()).isEqualTo(1);
        assertThat(woken).hasValue(1);
    }

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }
}
