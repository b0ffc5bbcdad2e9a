package dev.ioflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ioflow.core.monitoring.MonitorPage;
import dev.ioflow.core.monitoring.MonitorRetention;
import dev.ioflow.core.monitoring.MonitorStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboundMonitorTest {
    private final ManualClock clock = new ManualClock();

    private OutboundMonitor monitor(OutboundMonitor.Builder builder) {
        return builder.clock(clock).build();
    }

    private OutboundRequest request(String io, String key, OutboundRequestStatus status) {
        Instant now = clock.instant();
        return OutboundRequest.builder().messageId("m-" + key).status(status).webhookId("wh").integrationObject(io)
                .integrationKey(key).destinationId("crm").changeType(ChangeType.SAVED).attempt(1).createdAt(now)
                .attemptedAt(now).httpStatus(status == OutboundRequestStatus.SUCCESS ? 200 : 500).detail("detail")
                .payload("{\"secretish\":1}".getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void queriesByStatusNewestFirst() {
        OutboundMonitor monitor = monitor(OutboundMonitor.builder());
        monitor.record(request("ioCustomer", "c1", OutboundRequestStatus.ERROR));
        monitor.record(request("ioCustomer", "c2", OutboundRequestStatus.SUCCESS));
        monitor.record(request("ioCustomer", "c3", OutboundRequestStatus.ERROR));

        assertThat(monitor.query(OutboundRequestQuery.builder().status(OutboundRequestStatus.ERROR).build()))
                .extracting(OutboundRequest::integrationKey).containsExactly("c3", "c1");
    }

    @Test
    void queriesByIntegrationObjectAndKey() {
        OutboundMonitor monitor = monitor(OutboundMonitor.builder());
        monitor.record(request("ioCustomer", "k1", OutboundRequestStatus.SUCCESS));
        monitor.record(request("ioProduct", "k1", OutboundRequestStatus.SUCCESS));
        monitor.record(request("ioProduct", "k2", OutboundRequestStatus.SUCCESS));

        assertThat(monitor.query(OutboundRequestQuery.builder().integrationObject("ioProduct").integrationKey("k1").build()))
                .singleElement().satisfies(r -> assertThat(r.integrationObject()).isEqualTo("ioProduct"));
    }

    @Test
    void queriesByTimeRangeAndLimit() {
        OutboundMonitor monitor = monitor(OutboundMonitor.builder());
        Instant start = clock.instant();
        for (int i = 0; i < 5; i++) {
            monitor.record(request("ioCustomer", "c" + i, OutboundRequestStatus.SUCCESS));
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(monitor.query(OutboundRequestQuery.builder().from(start.plusSeconds(60)).to(start.plusSeconds(240)).build()))
                .extracting(OutboundRequest::integrationKey).containsExactly("c3", "c2", "c1");
        assertThat(monitor.query(OutboundRequestQuery.builder().limit(2).build()))
                .extracting(OutboundRequest::integrationKey).containsExactly("c4", "c3");
    }

    @Test
    void recordsOlderThanTheRetentionArePurged() {
        OutboundMonitor monitor = monitor(OutboundMonitor.builder().retention(Duration.ofDays(7)));
        monitor.record(request("ioCustomer", "old", OutboundRequestStatus.SUCCESS));
        clock.advance(Duration.ofDays(6));
        monitor.record(request("ioCustomer", "recent", OutboundRequestStatus.SUCCESS));

        clock.advance(Duration.ofDays(1).plusSeconds(1));

        assertThat(monitor.purge()).isEqualTo(1);
        assertThat(monitor.query(OutboundRequestQuery.all())).extracting(OutboundRequest::integrationKey)
                .containsExactly("recent");
    }

    @Test
    void theRetentionDefaultsToSevenDays() {
        OutboundMonitor monitor = monitor(OutboundMonitor.builder());
        monitor.record(request("ioCustomer", "c1", OutboundRequestStatus.SUCCESS));

        clock.advance(Duration.ofDays(7));
        assertThat(monitor.size()).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(monitor.query(OutboundRequestQuery.all())).isEmpty();
    }

    @Test
    void aFullMonitorDropsTheOldestRecord() {
        OutboundMonitor monitor = monitor(OutboundMonitor.builder().capacity(2));
        monitor.record(request("ioCustomer", "c1", OutboundRequestStatus.SUCCESS));
        monitor.record(request("ioCustomer", "c2", OutboundRequestStatus.SUCCESS));
        monitor.record(request("ioCustomer", "c3", OutboundRequestStatus.SUCCESS));

        assertThat(monitor.query(OutboundRequestQuery.all())).extracting(OutboundRequest::integrationKey)
                .containsExactly("c3", "c2");
    }

    @Test
    void payloadsAreDroppedUnlessConfigured() {
        OutboundMonitor without = monitor(OutboundMonitor.builder());
        OutboundMonitor with = monitor(OutboundMonitor.builder().keepPayloads(true));
        without.record(request("ioCustomer", "c1", OutboundRequestStatus.SUCCESS));
        with.record(request("ioCustomer", "c1", OutboundRequestStatus.SUCCESS));

        assertThat(without.query(OutboundRequestQuery.all()).get(0).payload()).isNull();
        assertThat(with.query(OutboundRequestQuery.all()).get(0).payload()).asString(StandardCharsets.UTF_8)
                .isEqualTo("{\"secretish\":1}");
    }

    @Test
    void recordsGetIncreasingIds() {
        OutboundMonitor monitor = monitor(OutboundMonitor.builder());
        monitor.record(request("ioCustomer", "c1", OutboundRequestStatus.SUCCESS));
        monitor.record(request("ioCustomer", "c2", OutboundRequestStatus.SUCCESS));

        assertThat(monitor.query(OutboundRequestQuery.all())).extracting(OutboundRequest::id).containsExactly(2L, 1L);
    }

    @Test
    void aQueryIsAValueThatNewBuilderCopies() {
        OutboundRequestQuery query = OutboundRequestQuery.builder().status(OutboundRequestStatus.ERROR)
                .integrationKey("c1").limit(5).build();

        assertThat(query.newBuilder().build()).isEqualTo(query).hasSameHashCodeAs(query);
        assertThat(query.newBuilder().limit(6).build()).isNotEqualTo(query);
        assertThat(query.toString()).contains("status=ERROR", "integrationKey=c1", "limit=5");
    }

    @Test
    void payloadsAreKeptPerOutcome() {
        OutboundMonitor errorsOnly = monitor(OutboundMonitor.builder().errorPayloads(true));
        errorsOnly.record(request("ioCustomer", "ok", OutboundRequestStatus.SUCCESS));
        errorsOnly.record(request("ioCustomer", "retry", OutboundRequestStatus.RETRY));
        errorsOnly.record(request("ioCustomer", "dead", OutboundRequestStatus.ERROR));

        assertThat(errorsOnly.keepsPayloads()).isTrue();
        assertThat(errorsOnly.query(OutboundRequestQuery.all()))
                .extracting(OutboundRequest::integrationKey, r -> r.payload() != null)
                .containsExactly(tuple("dead", true), tuple("retry", true), tuple("ok", false));
        assertThat(monitor(OutboundMonitor.builder().successPayloads(true).errorPayloads(false)).keepsPayloads())
                .isTrue();
        assertThat(monitor(OutboundMonitor.builder()).keepsPayloads()).isFalse();
    }

    @Test
    void failuresCanBeKeptLongerThanSuccesses() {
        OutboundMonitor monitor = monitor(OutboundMonitor.builder()
                .retention(MonitorRetention.sapDefaults().failures(Duration.ofDays(30))));
        monitor.record(request("ioCustomer", "ok", OutboundRequestStatus.SUCCESS));
        monitor.record(request("ioCustomer", "dead", OutboundRequestStatus.ERROR));

        clock.advance(Duration.ofDays(8));

        assertThat(monitor.purge()).isEqualTo(1);
        assertThat(monitor.query(OutboundRequestQuery.all())).extracting(OutboundRequest::integrationKey)
                .containsExactly("dead");
        assertThat(monitor.retention().failures()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aPageSaysHowManyMatchedInAll() {
        OutboundMonitor monitor = monitor(OutboundMonitor.builder());
        for (int i = 0; i < 5; i++) {
            monitor.record(request("ioCustomer", "c" + i, OutboundRequestStatus.SUCCESS));
        }

        MonitorPage<OutboundRequest> page = monitor.page(OutboundRequestQuery.builder().offset(1).limit(2).build());

        assertThat(page.records()).extracting(OutboundRequest::integrationKey).containsExactly("c3", "c2");
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void aGivenStoreKeepsTheRecordsAndACapacityForItIsRefused() {
        MonitorStore<OutboundRequest, OutboundRequestQuery> store = OutboundMonitor.inMemoryStore(10);
        OutboundMonitor monitor = monitor(OutboundMonitor.builder().store(store));
        monitor.record(request("ioCustomer", "c1", OutboundRequestStatus.SUCCESS));

        assertThat(store.count()).isEqualTo(1);
        assertThatThrownBy(() -> OutboundMonitor.builder().store(store).capacity(5).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("capacity bounds the in-memory store only").hasMessageContaining("capacity(5)");
        assertThatThrownBy(() -> OutboundRequestQuery.builder().offset(-1).build())
                .hasMessage("query offset must not be negative, got -1");
    }
}
