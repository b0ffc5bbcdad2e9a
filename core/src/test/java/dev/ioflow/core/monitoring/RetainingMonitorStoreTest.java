package dev.ioflow.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.monitoring.memory.InMemoryMonitorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetainingMonitorStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A record: a name, its time and whether it succeeded; ids are not kept. */
    record Event(String name, Instant at, boolean ok) {
    }

    /** Every event, up to {@code limit}, after {@code offset}. */
    record AllEvents(int offset, int limit) implements MonitorQuery<Event> {
        @Override
        public boolean matches(Event record) {
            return true;
        }
    }

    private static final MonitorRecordType<Event> TYPE = MonitorRecordType.of(Event::at,
            e -> e.ok() ? MonitorOutcome.SUCCESS : MonitorOutcome.FAILURE, (e, id) -> e);

    private final MovableClock clock = new MovableClock();
    private final InMemoryMonitorStore<Event, AllEvents> memory = new InMemoryMonitorStore<>(TYPE, 100);

    private List<String> names(MonitorStore<Event, AllEvents> store) {
        return store.query(new AllEvents(0, 100)).records().stream().map(Event::name).toList();
    }

    @Test
    void anAddOrQueryCleansUpOncePerInterval() {
        RetainingMonitorStore<Event, AllEvents> store = new RetainingMonitorStore<>(memory,
                MonitorRetention.of(Duration.ofDays(7)), clock, Duration.ofMinutes(1));
        store.add(new Event("old", T0, true));
        clock.now = T0.plus(Duration.ofDays(7)).minusSeconds(30);
        store.add(new Event("new", clock.now, true));

        clock.now = T0.plus(Duration.ofDays(7)).plusSeconds(1);
        assertThat(names(store)).as("expired, but within a minute of the last cleanup").containsExactly("new", "old");
        clock.now = T0.plus(Duration.ofDays(7)).plusSeconds(30);
        assertThat(names(store)).containsExactly("new");
    }

    @Test
    void failuresAndSuccessesExpireByTheirOwnPeriod() {
        RetainingMonitorStore<Event, AllEvents> store = new RetainingMonitorStore<>(memory,
                MonitorRetention.sapDefaults().failures(Duration.ofDays(30)), clock, Duration.ZERO);
        store.add(new Event("success", T0, true));
        store.add(new Event("failure", T0, false));
        clock.now = T0.plus(Duration.ofDays(8));

        assertThat(store.purge()).isEqualTo(1);
        assertThat(names(store)).containsExactly("failure");
        clock.now = T0.plus(Duration.ofDays(31));
        assertThat(store.purge()).isEqualTo(1);
        assertThat(store.count()).isZero();
    }

    @Test
    void purgeDeletesBeyondTheAutomaticLimit() {
        InMemoryMonitorStore<Event, AllEvents> big = new InMemoryMonitorStore<>(TYPE, 30_000);
        RetainingMonitorStore<Event, AllEvents> store = new RetainingMonitorStore<>(big,
                MonitorRetention.sapDefaults(), clock, Duration.ofDays(365));
        for (int i = 0; i < RetainingMonitorStore.AUTOMATIC_CLEANUP_LIMIT + 5; i++) {
            store.add(new Event("e" + i, T0, true));
        }
        clock.now = T0.plus(Duration.ofDays(8));

        assertThat(store.purge()).isEqualTo(RetainingMonitorStore.AUTOMATIC_CLEANUP_LIMIT + 5);
    }

    @Test
    void aFullInMemoryStoreDropsTheOldestAndPagesCountEveryMatch() {
        InMemoryMonitorStore<Event, AllEvents> small = new InMemoryMonitorStore<>(TYPE, 3);
        for (int i = 0; i < 5; i++) {
            small.add(new Event("e" + i, T0.plusSeconds(i), true));
        }

        MonitorPage<Event> page = small.query(new AllEvents(1, 1));

        assertThat(page.records()).extracting(Event::name).containsExactly("e3");
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.nextOffset()).isEqualTo(2);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void badSettingsAreRefusedWithWhatWasGiven() {
        assertThatThrownBy(() -> MonitorRetention.of(Duration.ZERO))
                .hasMessage("monitoring success retention must be positive, got PT0S");
        assertThatThrownBy(() -> MonitorRetention.sapDefaults().failures(Duration.ofDays(-1)))
                .hasMessage("monitoring failure retention must be positive, got PT-24H");
        assertThatThrownBy(() -> new RetainingMonitorStore<>(memory, MonitorRetention.sapDefaults(), clock,
                Duration.ofSeconds(-1))).hasMessageContaining("must not be negative, got PT-1S");
        assertThatThrownBy(() -> new InMemoryMonitorStore<>(TYPE, 0))
                .hasMessage("monitoring capacity must be at least 1, got 0");
        assertThatThrownBy(() -> new MonitorCleanup(MonitorOutcome.SUCCESS, T0, 0))
                .hasMessage("a monitoring cleanup deletes at least 1 record, got max 0");
        assertThatThrownBy(() -> new MonitorPage<>(List.of("a", "b"), 0, 1))
                .hasMessage("page total 1 is less than its 2 records");
        assertThatThrownBy(() -> new MonitorPage<>(List.of(), -1, 0))
                .hasMessage("page offset must not be negative, got -1");
    }

    @Test
    void theDefaultsAreSapsSevenDays() {
        assertThat(MonitorRetention.sapDefaults().period(MonitorOutcome.SUCCESS)).isEqualTo(Duration.ofDays(7));
        assertThat(MonitorRetention.sapDefaults().period(MonitorOutcome.FAILURE)).isEqualTo(Duration.ofDays(7));
    }

    private static final class MovableClock extends Clock {
        volatile Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
