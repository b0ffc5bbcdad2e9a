package dev.ioflow.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.Outbox;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * A Boot application with an H2 DataSource: {@code saved()} inside a {@code @Transactional} method writes the change
 * in the application's transaction, so a rolled-back sign-up sends nothing and a committed one is delivered.
 */
class TransactionalWebhookTest {
    private final RecordingTarget target = new RecordingTarget();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    IoflowAutoConfiguration.class))
            .withBean("crmTarget", RecordingTarget.class, () -> target)
            .withBean(SignUpService.class)
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "ioflow.types=dev.ioflow.spring.Customer",
                    "ioflow.definitions=classpath:ioflow/*.impex",
                    "ioflow.webhooks.customers.integration-object=ioCustomer",
                    "ioflow.webhooks.customers.destination=crm",
                    "ioflow.webhooks.customers.target=crmTarget",
                    "ioflow.poll-interval=50ms");

    @Test
    void aRolledBackSignUpSendsNothingAndACommittedOneIsDelivered() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            SignUpService signUps = context.getBean(SignUpService.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            jdbc.execute("CREATE TABLE customer (id VARCHAR(20) PRIMARY KEY, email VARCHAR(100))");

            assertThatThrownBy(() -> signUps.signUp(new Customer("lost", "lost@example.com"), true))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer", Integer.class)).isZero();
            assertThat(context.getBean(Outbox.class).liveCount()).as("the change rolled back too").isZero();

            signUps.signUp(new Customer("kept", "kept@example.com"), false);
            Delivery delivered = target.received.poll(10, TimeUnit.SECONDS);
            assertThat(delivered).isNotNull();
            assertThat(delivered.integrationKey()).contains("kept");
            assertThat(target.received.poll(300, TimeUnit.MILLISECONDS)).as("nothing for the rolled-back one")
                    .isNull();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer", Integer.class)).isEqualTo(1);
        });
    }

    /** The application's service: saves the customer and records the change in one transaction. */
    static class SignUpService {
        private final JdbcTemplate jdbc;
        private final WebhookService webhooks;

        SignUpService(DataSource dataSource, WebhookService webhooks) {
            this.jdbc = new JdbcTemplate(dataSource);
            this.webhooks = webhooks;
        }

        @Transactional
        public void signUp(Customer customer, boolean failAfterwards) {
            jdbc.update("INSERT INTO customer (id, email) VALUES (?, ?)", customer.customerID(),
                    customer.contactEmail());
            assertThat(webhooks.saved(customer)).isEqualTo(1);
            if (failAfterwards) {
                throw new IllegalStateException("sign-up rejected after the write");
            }
        }
    }
}
