package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.webhook.jdbc.JdbcDialect;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Application instances starting together all create the schema: the first creates it, the others find it. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.NO_POSTGRES)
class PostgresSchemaCreationTest {
    private static final int INSTANCES = 4;

    private final DataSource dataSource = TestDatabases.postgres();
    private final String prefix = TestDatabases.uniquePrefix();

    @AfterEach
    void dropTables() {
        TestDatabases.dropTables(dataSource, prefix);
    }

    @Test
    void instancesCreatingTheSchemaAtTheSameTimeAllSucceed() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<JdbcOutbox>> instances = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                instances.add(threads.submit(() -> {
                    start.await();
                    return JdbcOutbox.builder().dataSource(dataSource).tablePrefix(prefix).createSchema(true).build();
                }));
            }
            start.countDown();
            for (Future<JdbcOutbox> instance : instances) {
                assertThat(instance.get(60, TimeUnit.SECONDS).dialect()).isEqualTo(JdbcDialect.POSTGRESQL);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
