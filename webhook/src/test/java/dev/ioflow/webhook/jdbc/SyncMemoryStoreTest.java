package dev.ioflow.webhook.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.memory.InMemorySyncMemoryStore;
import dev.ioflow.webhook.spi.SyncMemoryStore;
import dev.ioflow.webhook.spi.SyncedItem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** What every {@link SyncMemoryStore} does: in memory, on H2 and on PostgreSQL. */
class SyncMemoryStoreTest {

    abstract static class Contract {
        abstract SyncMemoryStore store();

        private static SyncedItem item(String key, String json) {
            return new SyncedItem(key, new PayloadHash(key.hashCode(), json.hashCode()),
                    json.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void runNumbersGrowPerWebhookBeyondWhatIsRemembered() {
            SyncMemoryStore store = store();
            long first = store.beginRun("crm");
            store.remember("crm", first, List.of(item("c1", "{}")));

            assertThat(store.beginRun("crm")).isGreaterThan(first);
            assertThat(store.beginRun("erp")).isPositive();
        }

        @Test
        void touchReportsTheKeysItDoesNotHold() {
            SyncMemoryStore store = store();
            long run = store.beginRun("crm");
            store.remember("crm", run, List.of(item("c1", "{\"a\":1}")));

            assertThat(store.touch("crm", run + 1, List.of("c1", "c2"))).containsExactly("c2");
            assertThat(store.touch("erp", run + 1, List.of("c1"))).containsExactly("c1");
        }

        @Test
        void itemsNotSeenSinceARunAreMissingWithTheirLastPayloadUntilForgotten() {
            SyncMemoryStore store = store();
            long first = store.beginRun("crm");
            store.remember("crm", first, List.of(item("c1", "{\"v\":1}"), item("c2", "{\"v\":1}"),
                    item("c3", "{\"v\":1}")));
            long second = store.beginRun("crm");
            store.touch("crm", second, List.of("c1"));
            store.remember("crm", second, List.of(item("c3", "{\"v\":2}")));
            store.remember("erp", second, List.of(item("c9", "{}")));

            List<SyncedItem> missing = store.missing("crm", second, 10);
            assertThat(missing).containsExactly(item("c2", "{\"v\":1}"));
            store.forget("crm", List.of("c2"));
            assertThat(store.missing("crm", second, 10)).isEmpty();
            assertThat(store.missing("crm", store.beginRun("crm"), 10)).extracting(SyncedItem::integrationKey)
                    .containsExactlyInAnyOrder("c1", "c3");
        }

        @Test
        void missingReturnsAtMostTheAskedNumber() {
            SyncMemoryStore store = store();
            long first = store.beginRun("crm");
            store.remember("crm", first, IntStream.range(0, 25).mapToObj(i -> item("k" + i, "{}")).toList());

            assertThat(store.missing("crm", first + 1, 10)).hasSize(10);
        }
    }

    @Nested
    class InMemory extends Contract {
        private final SyncMemoryStore store = new InMemorySyncMemoryStore();

        @Override
        SyncMemoryStore store() {
            return store;
        }
    }

    abstract static class OnDatabase extends Contract {
        private final String prefix = TestDatabases.uniquePrefix();
        private SyncMemoryStore store;

        abstract DataSource dataSource();

        @Override
        SyncMemoryStore store() {
            if (store == null) {
                store = JdbcSyncMemoryStore.builder().dataSource(dataSource()).tablePrefix(prefix).createSchema(true)
                        .build();
            }
            return store;
        }

        @AfterEach
        void dropTables() {
            TestDatabases.dropTables(dataSource(), prefix);
        }
    }

    @Nested
    class OnH2 extends OnDatabase {
        private final DataSource dataSource = TestDatabases.h2InMemory();

        @Override
        DataSource dataSource() {
            return dataSource;
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.NO_POSTGRES)
    class OnPostgres extends OnDatabase {
        private final DataSource dataSource = TestDatabases.postgres();

        @Override
        DataSource dataSource() {
            return dataSource;
        }
    }
}
