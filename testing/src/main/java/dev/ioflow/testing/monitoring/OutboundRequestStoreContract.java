package dev.ioflow.testing.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.ioflow.core.monitoring.MonitorCleanup;
import dev.ioflow.core.monitoring.MonitorOutcome;
import dev.ioflow.core.monitoring.MonitorPage;
import dev.ioflow.core.monitoring.MonitorRetention;
import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.core.monitoring.RetainingMonitorStore;
import dev.ioflow.webhook.ChangeSource;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.OutboundMonitor;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestQuery;
import dev.ioflow.webhook.OutboundRequestStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link MonitorStore} of {@link OutboundRequest}s as executable JUnit 5 tests: every store (the
 * built-in in-memory and JDBC ones, and yours) extends this class and supplies a fresh, empty store. Instants are
 * whole seconds so that every store keeps them exactly.
 *
 * <pre>{@code
 * class MyStoreTest extends OutboundRequestStoreContract {
 *     @Override
 *     protected MonitorStore<OutboundRequest, OutboundRequestQuery> createStore() {
 *         return new MyStore(...);
 *     }
 *
 *     @Override
 *     protected MonitorStore<OutboundRequest, OutboundRequestQuery> reopenStore() {
 *         return new MyStore(...);   // the same storage, as after a restart
 *     }
 * }
 * }</pre>
 *
 * @since 1.0
 */
public abstract class OutboundRequestStoreContract {
    /** The tests' clock start. */
    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** The store under test, fresh for each test. */
    protected MonitorStore<OutboundRequest, OutboundRequestQuery> store;
    private int messages;

    /** A new, empty store. */
    protected abstract MonitorStore<OutboundRequest, OutboundRequestQuery> createStore();

    /**
     * A new store over the storage of the last one {@link #createStore()} returned, as after a restart; null (the
     * default) for a store that does not survive one, which skips the restart test.
     */
    protected @Nullable MonitorStore<OutboundRequest, OutboundRequestQuery> reopenStore() {
        return null;
    }

    /** Creates the store under test. */
    @BeforeEach
    public void openStore() {
        store = createStore();
    }

    /** A record of an attempt on {@code key} at {@code at}, with the given status and defaults for the rest. */
    protected OutboundRequest.Builder request(String key, OutboundRequestStatus status, Instant at) {
        return OutboundRequest.builder().messageId("msg-" + (++messages)).status(status).webhookId("wh-customer")
                .integrationObject("ioCustomer").integrationKey(key).destinationId("crm")
                .changeType(ChangeType.SAVED).attempt(1).createdAt(at).attemptedAt(at)
                .httpStatus(status == OutboundRequestStatus.SUCCESS ? 200 : 503);
    }

    /** Adds records built from the builders, in order. */
    protected void add(OutboundRequest.Builder... records) {
        for (OutboundRequest.Builder r : records) {
            store.add(r.build());
        }
    }

    /** The integration keys of a query's page, in the order returned. */
    protected List<String> keys(OutboundRequestQuery query) {
        return store.query(query).records().stream().map(OutboundRequest::integrationKey).toList();
    }

    private static OutboundRequestQuery.Builder query() {
        return OutboundRequestQuery.builder();
    }

    @Test
    public void recordsComeBackWithEveryFieldAndAnAssignedId() {
        OutboundRequest full = request("C-1", OutboundRequestStatus.RETRY, T0).changeType(ChangeType.DELETED)
                .source(ChangeSource.OUTBOUND_SYNC).attempt(3).createdAt(T0.minusSeconds(30))
                .nextAttemptAt(T0.plusSeconds(60)).httpStatus(503).detail("Service Unavailable: try later")
                .payload("{\"id\":\"C-1\"}".getBytes(StandardCharsets.UTF_8)).build();
        OutboundRequest sparse = OutboundRequest.builder().messageId("m-sparse").status(OutboundRequestStatus.SUCCESS)
                .integrationObject("ioProduct").integrationKey("P-1").destinationId("shop")
                .attemptedAt(T0.plusSeconds(1)).build();
        store.add(full);
        store.add(sparse);

        List<OutboundRequest> records = store.query(OutboundRequestQuery.all()).records();

        assertThat(records).hasSize(2);
        assertThat(records.get(1).id()).isPositive();
        assertThat(records.get(0).id()).isGreaterThan(records.get(1).id());
        assertThat(records.get(1).newBuilder().id(0).build()).isEqualTo(full);
        assertThat(records.get(0).newBuilder().id(0).build()).isEqualTo(sparse);
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    public void queriesReturnNewestFirstAndTiesInReverseOrderOfAddition() {
        add(request("a", OutboundRequestStatus.SUCCESS, T0), request("b", OutboundRequestStatus.SUCCESS, T0),
                request("c", OutboundRequestStatus.SUCCESS, T0.plusSeconds(1)));

        assertThat(keys(OutboundRequestQuery.all())).containsExactly("c", "b", "a");
    }

    @Test
    public void filtersByStatusIntegrationObjectKeyDestinationMessageAndSource() {
        add(request("k1", OutboundRequestStatus.SUCCESS, T0),
                request("k2", OutboundRequestStatus.ERROR, T0.plusSeconds(1)),
                request("k3", OutboundRequestStatus.RETRY, T0.plusSeconds(2)).integrationObject("ioProduct"),
                request("k1", OutboundRequestStatus.SUCCESS, T0.plusSeconds(3)).destinationId("erp"),
                request("k4", OutboundRequestStatus.SUCCESS, T0.plusSeconds(4)).messageId("wanted")
                        .source(ChangeSource.OUTBOUND_SYNC));

        assertThat(keys(query().status(OutboundRequestStatus.ERROR).build())).containsExactly("k2");
        assertThat(keys(query().status(OutboundRequestStatus.SUCCESS).build())).containsExactly("k4", "k1", "k1");
        assertThat(keys(query().integrationObject("ioProduct").build())).containsExactly("k3");
        assertThat(keys(query().integrationKey("k1").build())).containsExactly("k1", "k1");
        assertThat(store.query(query().destinationId("erp").build()).records())
                .singleElement().extracting(OutboundRequest::attemptedAt).isEqualTo(T0.plusSeconds(3));
        assertThat(keys(query().messageId("wanted").build())).containsExactly("k4");
        assertThat(keys(query().source(ChangeSource.OUTBOUND_SYNC).build())).containsExactly("k4");
        assertThat(keys(query().integrationKey("k1").destinationId("crm").status(OutboundRequestStatus.SUCCESS)
                .build())).containsExactly("k1");
        assertThat(keys(query().integrationKey("nobody").build())).isEmpty();
    }

    @Test
    public void filtersByTimeFromInclusiveToExclusive() {
        for (int i = 0; i < 5; i++) {
            add(request("k" + i, OutboundRequestStatus.SUCCESS, T0.plusSeconds(60L * i)));
        }

        assertThat(keys(query().from(T0.plusSeconds(60)).to(T0.plusSeconds(240)).build()))
                .containsExactly("k3", "k2", "k1");
        assertThat(keys(query().from(T0.plusSeconds(240)).build())).containsExactly("k4");
        assertThat(keys(query().to(T0.plusSeconds(60)).build())).containsExactly("k0");
    }

    @Test
    public void pagesSplitTheMatchesAndCountThemAll() {
        for (int i = 0; i < 7; i++) {
            add(request("k" + i, i % 2 == 0 ? OutboundRequestStatus.SUCCESS : OutboundRequestStatus.ERROR,
                    T0.plusSeconds(i)));
        }
        OutboundRequestQuery successes = query().status(OutboundRequestStatus.SUCCESS).limit(2).build();

        MonitorPage<OutboundRequest> first = store.query(successes);
        MonitorPage<OutboundRequest> second = store.query(successes.newBuilder().offset(first.nextOffset()).build());
        MonitorPage<OutboundRequest> beyond = store.query(successes.newBuilder().offset(10).build());

        assertThat(first.records()).extracting(OutboundRequest::integrationKey).containsExactly("k6", "k4");
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.records()).extracting(OutboundRequest::integrationKey).containsExactly("k2", "k0");
        assertThat(second.offset()).isEqualTo(2);
        assertThat(second.total()).isEqualTo(4);
        assertThat(second.hasMore()).isFalse();
        assertThat(beyond.records()).isEmpty();
        assertThat(beyond.total()).isEqualTo(4);
        assertThat(store.query(query().limit(3).offset(5).build()).records())
                .extracting(OutboundRequest::integrationKey).containsExactly("k1", "k0");
    }

    @Test
    public void cleanupRemovesOnlyOlderRecordsOfTheOutcomeOldestFirst() {
        add(request("s-old", OutboundRequestStatus.SUCCESS, T0),
                request("r-old", OutboundRequestStatus.RETRY, T0.plusSeconds(1)),
                request("e-old", OutboundRequestStatus.ERROR, T0.plusSeconds(2)),
                request("s-older", OutboundRequestStatus.SUCCESS, T0.plusSeconds(3)),
                request("s-cutoff", OutboundRequestStatus.SUCCESS, T0.plusSeconds(10)),
                request("e-new", OutboundRequestStatus.ERROR, T0.plusSeconds(11)));

        assertThat(store.delete(new MonitorCleanup(MonitorOutcome.SUCCESS, T0.plusSeconds(10), 1))).isEqualTo(1);
        assertThat(keys(query().status(OutboundRequestStatus.SUCCESS).build()))
                .containsExactly("s-cutoff", "s-older");
        assertThat(store.delete(new MonitorCleanup(MonitorOutcome.SUCCESS, T0.plusSeconds(10), 100))).isEqualTo(1);
        assertThat(store.delete(new MonitorCleanup(MonitorOutcome.FAILURE, T0.plusSeconds(10), 100))).isEqualTo(2);

        assertThat(keys(OutboundRequestQuery.all())).containsExactly("e-new", "s-cutoff");
        assertThat(store.delete(new MonitorCleanup(MonitorOutcome.FAILURE, T0.plusSeconds(10), 100))).isZero();
        assertThat(store.count()).isEqualTo(2);
    }

    @Test
    public void aLargeCleanupDeletesEveryExpiredRecordAndStopsAtMax() {
        for (int i = 0; i < 1_200; i++) {
            add(request("k" + i, OutboundRequestStatus.SUCCESS, T0.plusSeconds(i)));
        }

        assertThat(store.delete(new MonitorCleanup(MonitorOutcome.SUCCESS, T0.plusSeconds(1_100), 700)))
                .isEqualTo(700);
        assertThat(store.delete(new MonitorCleanup(MonitorOutcome.SUCCESS, T0.plusSeconds(1_100), Integer.MAX_VALUE)))
                .isEqualTo(400);
        assertThat(store.count()).isEqualTo(100);
        assertThat(store.query(query().limit(1).offset(99).build()).records())
                .extracting(OutboundRequest::integrationKey).containsExactly("k1100");
    }

    @Test
    public void retentionKeepsEachOutcomeForItsPeriod() {
        add(request("success", OutboundRequestStatus.SUCCESS, T0),
                request("error", OutboundRequestStatus.ERROR, T0),
                request("recent", OutboundRequestStatus.SUCCESS, T0.plus(Duration.ofDays(6))));
        MonitorRetention retention = MonitorRetention.sapDefaults().failures(Duration.ofDays(30));
        Instant eightDaysLater = T0.plus(Duration.ofDays(8));

        int purged = new RetainingMonitorStore<>(store, retention, Clock.fixed(eightDaysLater, ZoneOffset.UTC),
                Duration.ZERO).purge();

        assertThat(purged).isEqualTo(1);
        assertThat(keys(OutboundRequestQuery.all())).containsExactly("recent", "error");
    }

    @Test
    public void aMonitorStoresPayloadsOnlyForTheOutcomesEnabled() {
        OutboundMonitor monitor = OutboundMonitor.builder().store(store).errorPayloads(true)
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        byte[] payload = "{\"id\":\"C-1\"}".getBytes(StandardCharsets.UTF_8);

        monitor.record(request("ok", OutboundRequestStatus.SUCCESS, T0).payload(payload).build());
        monitor.record(request("failed", OutboundRequestStatus.ERROR, T0).payload(payload).build());

        assertThat(monitor.keepsPayloads()).isTrue();
        assertThat(store.query(query().integrationKey("ok").build()).records())
                .singleElement().extracting(OutboundRequest::payload).isNull();
        assertThat(store.query(query().integrationKey("failed").build()).records().get(0).payload())
                .isEqualTo(payload);
    }

    @Test
    public void concurrentAddsAllLand() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String thread = "t" + t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        store.add(request(thread, OutboundRequestStatus.SUCCESS, T0.plusSeconds(i)).build());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(store.count()).isEqualTo(200);
        assertThat(store.query(query().integrationKey("t2").build()).total()).isEqualTo(50);
        assertThat(store.query(OutboundRequestQuery.all()).records()).extracting(OutboundRequest::id)
                .doesNotHaveDuplicates();
    }

    @Test
    public void recordsSurviveARestart() {
        add(request("before", OutboundRequestStatus.ERROR, T0));
        MonitorStore<OutboundRequest, OutboundRequestQuery> reopened = reopenStore();
        assumeThat(reopened).as("this store does not survive restarts").isNotNull();
        long firstId = store.query(OutboundRequestQuery.all()).records().get(0).id();

        reopened.add(request("after", OutboundRequestStatus.SUCCESS, T0.plusSeconds(1)).build());

        assertThat(reopened.query(OutboundRequestQuery.all()).records())
                .extracting(OutboundRequest::integrationKey).containsExactly("after", "before");
        assertThat(reopened.query(query().integrationKey("after").build()).records().get(0).id())
                .isGreaterThan(firstId);
    }
}
