package dev.ioflow.spring.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.spring.IoflowAutoConfiguration;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.TransactionBinding;
import dev.ioflow.webhook.spi.TransactionalOutbox;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** With Boot's own DataSource and transaction manager, the outbox is JDBC and appends into Boot's transactions. */
class BootTransactionTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    IoflowAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    @Test
    void theJdbcOutboxJoinsTransactionsOfBootsTransactionManager() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            Outbox outbox = context.getBean(Outbox.class);
            assertThat(outbox).isInstanceOf(JdbcOutbox.class);
            TransactionalOutbox transactional = (TransactionalOutbox) outbox;
            TransactionBinding binding = context.getBean(TransactionBinding.class);
            TransactionTemplate tx = context.getBean(TransactionTemplate.class);

            tx.executeWithoutResult(status -> {
                transactional.append(List.of(Entries.entry("rolled-back")), binding.currentConnection());
                status.setRollbackOnly();
            });
            assertThat(outbox.liveCount()).as("rolled back with the application's transaction").isZero();

            tx.executeWithoutResult(status ->
                    transactional.append(List.of(Entries.entry("committed")), binding.currentConnection()));
            assertThat(outbox.liveCount()).as("committed with the application's transaction").isEqualTo(1);
            assertThat(binding.currentConnection()).as("no transaction, no connection").isNull();
        });
    }
}
