package dev.ioflow.testing.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.ioflow.core.monitoring.MonitorCleanup;
import dev.ioflow.core.monitoring.MonitorOutcome;
import dev.ioflow.core.monitoring.MonitorPage;
import dev.ioflow.core.monitoring.MonitorRetention;
import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.core.monitoring.RetainingMonitorStore;
import dev.ioflow.odata.InboundRequest;
import dev.ioflow.odata.InboundRequestQuery;
import dev.ioflow.odata.InboundRequestStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link MonitorStore} of {@link InboundRequest}s as executable JUnit 5 tests: every store (the
 * built-in in-memory and JDBC ones, and yours) extends this class and supplies a fresh, empty store. Instants are
 * whole seconds so that every store keeps them exactly.
 *
 * <pre>{@code
 * class MyStoreTest extends InboundRequestStoreContract {
 *     @Override
 *     protected MonitorStore<InboundRequest, InboundRequestQuery> createStore() {
 *         return new MyStore(...);
 *     }
 * }
 * }</pre>
 *
 * @since 1.0
 */
public abstract class InboundRequestStoreContract {
    /** The tests' clock start. */
    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** The store under test, fresh for each test. */
    protected MonitorStore<InboundRequest, InboundRequestQuery> store;

    /** A new, empty store. */
    protected abstract MonitorStore<InboundRequest, InboundRequestQuery> createStore();

    /**
     * A new store over the storage of the last one {@link #createStore()} returned, as after a restart; null (the
     * default) for a store that does not survive one, which skips the restart test.
     */
    protected @Nullable MonitorStore<InboundRequest, InboundRequestQuery> reopenStore() {
        return null;
    }

    /** Creates the store under test. */
    @BeforeEach
    public void openStore() {
        store = createStore();
    }

    /** A POST to {@code InboundCustomer} that wrote {@code key} at {@code at}, answered {@code httpStatus}. */
    protected InboundRequest.Builder request(String key, int httpStatus, Instant at) {
        return InboundRequest.builder().creationTime(at).integrationObject("InboundCustomer").method("POST")
                .httpStatus(httpStatus).integrationKeys(List.of(key)).user("cpi");
    }

    /** The first integration key of each record of a query's page, in the order returned. */
    protected List<String> keys(InboundRequestQuery query) {
        return store.query(query).records().stream().map(r -> r.integrationKeys().get(0)).toList();
    }

    private static InboundRequestQuery.Builder query() {
        return InboundRequestQuery.builder();
    }

    private void add(InboundRequest.Builder... records) {
        for (InboundRequest.Builder r : records) {
            store.add(r.build());
        }
    }

    @Test
    public void recordsComeBackWithEveryField() {
        InboundRequest full = request("Staged|Default|a%7Cb", 400, T0).method("MERGE")
                .integrationKeys(List.of("k|1", "line\nfeed", "back\\slash", "")).error("missing_nav_property",
                        "The referenced Catalog does not exist.").payload("{\"uid\":\"c\"}".getBytes(StandardCharsets.UTF_8))
                .sapPassport("2A54482A0300E60000").messageId("msg-1").build();
        InboundRequest sparse = InboundRequest.builder().creationTime(T0.plusSeconds(1)).integrationObject("InboundProduct")
                .method("GET").httpStatus(200).build();
        store.add(full);
        store.add(sparse);

        List<InboundRequest> records = store.query(InboundRequestQuery.all()).records();

        assertThat(records).hasSize(2);
        assertThat(records.get(1)).usingRecursiveComparison().isEqualTo(full);
        assertThat(records.get(0)).usingRecursiveComparison().isEqualTo(sparse);
        assertThat(records.get(1).status()).isEqualTo(InboundRequestStatus.ERROR);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    public void queriesReturnNewestFirstAndTiesInReverseOrderOfAddition() {
        add(request("a", 201, T0), request("b", 201, T0), request("c", 201, T0.plusSeconds(1)));

        assertThat(keys(InboundRequestQuery.all())).containsExactly("c", "b", "a");
    }

    @Test
    public void filtersByStatusIntegrationObjectMessageAndUser() {
        add(request("k1", 201, T0), request("k2", 400, T0.plusSeconds(1)),
                request("k3", 200, T0.plusSeconds(2)).integrationObject("InboundProduct"),
                request("k4", 201, T0.plusSeconds(3)).messageId("wanted").user("other"));

        assertThat(keys(query().status(InboundRequestStatus.ERROR).build())).containsExactly("k2");
        assertThat(keys(query().status(InboundRequestStatus.SUCCESS).build())).containsExactly("k4", "k3", "k1");
        assertThat(keys(query().integrationObject("InboundProduct").build())).containsExactly("k3");
        assertThat(keys(query().messageId("wanted").build())).containsExactly("k4");
        assertThat(keys(query().user("other").build())).containsExactly("k4");
        assertThat(keys(query().user("cpi").status(InboundRequestStatus.SUCCESS).build())).containsExactly("k3", "k1");
    }

    @Test
    public void findsARequestByAnyOfItsKeysAndOnlyByAWholeKey() {
        add(request("single", 201, T0),
                request("b1", 200, T0.plusSeconds(1)).integrationKeys(List.of("b1", "Staged|Default|p_1", "50%")),
                request("Staged|Default|p21", 201, T0.plusSeconds(2)),
                request("a\nb", 201, T0.plusSeconds(3)));

        assertThat(keys(query().integrationKey("single").build())).containsExactly("single");
        assertThat(keys(query().integrationKey("Staged|Default|p_1").build())).containsExactly("b1");
        assertThat(keys(query().integrationKey("50%").build())).containsExactly("b1");
        assertThat(keys(query().integrationKey("a\nb").build())).containsExactly("a\nb");
        assertThat(keys(query().integrationKey("Staged|Default|p").build())).isEmpty();
        assertThat(keys(query().integrationKey("5").build())).isEmpty();
        assertThat(keys(query().integrationKey("a").build())).isEmpty();
    }

    @Test
    public void filtersByTimeFromInclusiveToExclusive() {
        for (int i = 0; i < 4; i++) {
            add(request("k" + i, 201, T0.plusSeconds(60L * i)));
        }

        assertThat(keys(query().from(T0.plusSeconds(60)).to(T0.plusSeconds(180)).build())).containsExactly("k2", "k1");
        assertThat(keys(query().from(T0.plusSeconds(180)).build())).containsExactly("k3");
        assertThat(keys(query().to(T0.plusSeconds(60)).build())).containsExactly("k0");
    }

    @Test
    public void pagesSplitTheMatchesAndCountThemAll() {
        for (int i = 0; i < 5; i++) {
            add(request("k" + i, i % 2 == 0 ? 201 : 500, T0.plusSeconds(i)));
        }
        InboundRequestQuery successes = query().status(InboundRequestStatus.SUCCESS).limit(2).build();

        MonitorPage<InboundRequest> first = store.query(successes);
        MonitorPage<InboundRequest> second = store.query(successes.newBuilder().offset(first.nextOffset()).build());

        assertThat(first.records()).extracting(r -> r.integrationKeys().get(0)).containsExactly("k4", "k2");
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.records()).extracting(r -> r.integrationKeys().get(0)).containsExactly("k0");
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.hasMore()).isFalse();
        assertThat(store.query(successes.newBuilder().offset(9).build()).total()).isEqualTo(3);
    }

    @Test
    public void cleanupRemovesOnlyOlderRecordsOfTheOutcomeOldestFirst() {
        add(request("s-old", 201, T0), request("e-old", 404, T0.plusSeconds(1)),
                request("s-older", 200, T0.plusSeconds(2)), request("s-cutoff", 201, T0.plusSeconds(10)));

        assertThat(store.delete(new MonitorCleanup(MonitorOutcome.SUCCESS, T0.plusSeconds(10), 1))).isEqualTo(1);
        assertThat(keys(InboundRequestQuery.all())).containsExactly("s-cutoff", "s-older", "e-old");
        assertThat(store.delete(new MonitorCleanup(MonitorOutcome.FAILURE, T0.plusSeconds(10), 100))).isEqualTo(1);
        assertThat(store.delete(new MonitorCleanup(MonitorOutcome.SUCCESS, T0.plusSeconds(10), 100))).isEqualTo(1);

        assertThat(keys(InboundRequestQuery.all())).containsExactly("s-cutoff");
    }

    @Test
    public void retentionKeepsEachOutcomeForItsPeriod() {
        add(request("success", 201, T0), request("error", 400, T0),
                request("recent", 201, T0.plus(Duration.ofDays(6))));
        MonitorRetention retention = MonitorRetention.sapDefaults().failures(Duration.ofDays(30));

        int purged = new RetainingMonitorStore<>(store, retention,
                Clock.fixed(T0.plus(Duration.ofDays(8)), ZoneOffset.UTC), Duration.ZERO).purge();

        assertThat(purged).isEqualTo(1);
        assertThat(keys(InboundRequestQuery.all())).containsExactly("recent", "error");
    }

    @Test
    public void recordsAddedTogetherOrFromSeveralThreadsAllLand() {
        List<InboundRequest> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(request("batch", 201, T0.plusSeconds(i)).build());
        }
        store.addAll(batch);
        CompletableFuture.allOf(IntStream.range(0, 4).mapToObj(t -> CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 25; i++) {
                store.add(request("thread" + t, 201, T0.plusSeconds(i)).build());
            }
        })).toArray(CompletableFuture[]::new)).join();

        assertThat(store.count()).isEqualTo(120);
        assertThat(store.query(query().integrationKey("batch").build()).total()).isEqualTo(20);
        assertThat(store.query(query().integrationKey("thread3").build()).total()).isEqualTo(25);
    }

    @Test
    public void recordsSurviveARestart() {
        add(request("before", 400, T0));
        MonitorStore<InboundRequest, InboundRequestQuery> reopened = reopenStore();
        assumeThat(reopened).as("this store does not survive restarts").isNotNull();

        reopened.add(request("after", 201, T0.plusSeconds(1)).build());

        assertThat(reopened.query(InboundRequestQuery.all()).records())
                .extracting(r -> r.integrationKeys().get(0)).containsExactly("after", "before");
    }
}
