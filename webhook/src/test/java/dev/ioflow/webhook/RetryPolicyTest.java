package dev.ioflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.webhook.internal.RetryAfter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static RetryPolicy.Builder policy(double random) {
        return RetryPolicy.builder().initialDelay(Duration.ofSeconds(1)).multiplier(2).maxDelay(Duration.ofSeconds(60))
                .random(() -> random);
    }

    @Test
    void withoutJitterTheBackoffDoublesUpToTheMaximum() {
        RetryPolicy p = policy(0.5).jitter(RetryPolicy.Jitter.NONE).build();

        assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.backoff(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(p.backoff(7)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.backoff(30)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void fullJitterScalesTheWholeBackoff() {
        assertThat(policy(0.25).jitter(RetryPolicy.Jitter.FULL).build().backoff(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy(0.0).jitter(RetryPolicy.Jitter.FULL).build().backoff(3)).isEqualTo(Duration.ZERO);
    }

    @Test
    void equalJitterKeepsAtLeastHalfTheBackoff() {
        assertThat(policy(0.0).jitter(RetryPolicy.Jitter.EQUAL).build().backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy(0.5).jitter(RetryPolicy.Jitter.EQUAL).build().backoff(3)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void noRetryAfterTheLastAttempt() {
        RetryPolicy p = policy(0.5).maxAttempts(3).build();

        assertThat(p.nextAttemptAt(2, NOW, NOW, null)).isNotNull();
        assertThat(p.nextAttemptAt(3, NOW, NOW, null)).isNull();
    }

    @Test
    void noRetryLaterThanTheMaximumAge() {
        RetryPolicy p = policy(0.5).jitter(RetryPolicy.Jitter.NONE).maxAge(Duration.ofMinutes(10)).build();
        Instant created = NOW.minus(Duration.ofMinutes(9));

        assertThat(p.nextAttemptAt(1, created, NOW, null)).isEqualTo(NOW.plusSeconds(1));
        assertThat(p.nextAttemptAt(1, created, NOW, NOW.plus(Duration.ofMinutes(2)))).isNull();
    }

    @Test
    void retryAtPostponesButNeverAdvancesTheNextAttempt() {
        RetryPolicy p = policy(0.5).jitter(RetryPolicy.Jitter.NONE).build();

        assertThat(p.nextAttemptAt(1, NOW, NOW, NOW.plusSeconds(30))).isEqualTo(NOW.plusSeconds(30));
        assertThat(p.nextAttemptAt(4, NOW, NOW, NOW.plusSeconds(1))).isEqualTo(NOW.plusSeconds(8));
    }

    @Test
    void theDefaultsAreEightAttemptsWithEqualJitter() {
        RetryPolicy p = RetryPolicy.defaults();

        assertThat(p.maxAttempts()).isEqualTo(8);
        assertThat(p.jitter()).isEqualTo(RetryPolicy.Jitter.EQUAL);
        assertThat(p.initialDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void onlyTimeoutsRateLimitsServerErrorsAndMissingResponsesAreRetryable() {
        assertThat(RetryPolicy.isRetryableStatus(0)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(408)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(500)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(400)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(404)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(301)).isFalse();
    }

    @Test
    void badValuesAreRefusedWithTheValue() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts must be at least 1, got 0");
        assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0.5");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(NOW.plusSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(NOW);
        assertThat(RetryAfter.parse("Thu, 01 Jan 2026 10:05:00 GMT", NOW)).isEqualTo(NOW.plusSeconds(300));
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse(null, NOW)).isNull();
    }

    @Test
    void newBuilderMakesAnEqualCopyThatCanBeChanged() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).build();

        assertThat(policy.newBuilder().build()).isEqualTo(policy).hasSameHashCodeAs(policy);
        assertThat(policy.newBuilder().maxAttempts(4).build()).isNotEqualTo(policy)
                .satisfies(p -> assertThat(p.maxAttempts()).isEqualTo(4));
        assertThat(policy.toString()).contains("maxAttempts=3");
    }
}
