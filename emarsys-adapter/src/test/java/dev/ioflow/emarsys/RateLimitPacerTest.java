package dev.ioflow.emarsys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class RateLimitPacerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();
    private final RateLimitPacer pacer = RateLimitPacer.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .sleeper(sleeps::add)
            .lowWaterMark(5)
            .build();

    @Test
    void doesNotWaitWhileEnoughRequestsRemain() {
        pacer.observe(new RateLimitStatus(1000, 6, NOW.plusSeconds(30)));

        pacer.awaitPermit();

        assertThat(sleeps).isEmpty();
    }

    @Test
    void waitsUntilTheResetWhenFewRequestsRemainAndNotAgainAfterIt() {
        MutableClock clock = new MutableClock(NOW);
        RateLimitPacer advancing = RateLimitPacer.builder().clock(clock).lowWaterMark(5)
                .sleeper(d -> {
                    sleeps.add(d);
                    clock.advance(d);
                })
                .build();
        advancing.observe(new RateLimitStatus(1000, 5, NOW.plusSeconds(30)));

        advancing.awaitPermit();
        advancing.awaitPermit();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void everyWorkerThatAsksBeforeTheResetWaitsForIt() {
        pacer.observe(new RateLimitStatus(1000, 5, NOW.plusSeconds(30)));

        pacer.awaitPermit();
        pacer.awaitPermit();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    /** A clock the fake sleeper moves forward. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void waitsAfterA429UntilTheReset() {
        pacer.rateLimited(NOW.plusSeconds(12));

        pacer.awaitPermit();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void capsTheWaitAtTheMaximum() {
        pacer.observe(new RateLimitStatus(1000, 0, NOW.plusSeconds(3600)));

        pacer.awaitPermit();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void answersWithoutHeadersChangeNothing() {
        pacer.observe(new RateLimitStatus(1000, 1, NOW.plusSeconds(30)));
        pacer.observe(RateLimitStatus.UNKNOWN);

        pacer.awaitPermit();

        assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void targetPausesBeforeTheNextRequestWhenRemainingRunsLow() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            for (int i = 0; i < 2; i++) {
                server.enqueue(new MockResponse.Builder().code(200)
                        .addHeader("X-Ratelimit-Remaining", "3").addHeader("X-RateLimit-Reset",
                                Long.toString(NOW.plusSeconds(20).getEpochSecond()))
                        .body("{\"replyCode\":0,\"replyText\":\"OK\",\"data\":{\"ids\":[1]}}").build());
            }
            server.start();
            EmarsysClient client = EmarsysClient.builder().baseUrl(server.url("/api/v3/").toString())
                    .httpClient(new OkHttpClient()).build();
            EmarsysContactTarget target = EmarsysContactTarget.builder(client,
                    ContactMapping.builder().field("contactEmail", 3).build()).pacer(pacer).build();

            target.deliver(EmarsysContactTargetTest.saves(1));
            assertThat(sleeps).isEmpty();
            target.deliver(EmarsysContactTargetTest.saves(1));

            assertThat(sleeps).containsExactly(Duration.ofSeconds(20));
        }
    }
}
