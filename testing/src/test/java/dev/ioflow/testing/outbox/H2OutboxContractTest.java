package dev.ioflow.testing.outbox;

import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.spi.Outbox;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** The outbox contract on JdbcOutbox over a private in-memory H2 database. */
class H2OutboxContractTest extends OutboxContract {

    @Override
    protected Outbox createOutbox() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:ioflow_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        return JdbcOutbox.builder().dataSource(dataSource).createSchema(true).build();
    }
}
