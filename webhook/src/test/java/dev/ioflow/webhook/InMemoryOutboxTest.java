package dev.ioflow.webhook;

import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.spi.OutboxEntry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryOutboxTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private int messages;

    private OutboxEntry entry(String key, String payload) {
        return OutboxEntry.builder().messageId("m" + (++messages)).webhookId("wh").integrationObject("ioCustomer")
                .destinationId("crm").integrationKey(key).changeType(ChangeType.SAVED)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).payloadHash(new PayloadHash(messages, 0))
                .createdAt(T0).attempts(0).nextAttemptAt(T0).build();
    }

    private List<OutboxEntry> claim(int max) {
        return outbox.claim(max, T0, LEASE, "me");
    }

    private static String payload(OutboxEntry e) {
        return new String(e.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void appendAssignsIncreasingIdsAndClaimReturnsThemInIdOrder() {
        outbox.append(List.of(entry("a", "1"), entry("b", "2"), entry("c", "3")));

        assertThat(claim(10)).extracting(OutboxEntry::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aPendingEntryIsReplacedByTheNewerOneOfTheSameKey() {
        outbox.append(List.of(entry("a", "old")));
        outbox.append(List.of(entry("a", "new")));

        assertThat(outbox.liveCount()).isEqualTo(1);
        assertThat(claim(10)).singleElement().satisfies(e -> {
            assertThat(payload(e)).isEqualTo("new");
            assertThat(e.messageId()).isEqualTo("m2");
        });
    }

    @Test
    void aClaimedEntryIsNotReplacedAndTheNewOneWaitsBehindIt() {
        outbox.append(List.of(entry("a", "first")));
        OutboxEntry first = claim(10).get(0);
        outbox.append(List.of(entry("a", "second")));

        assertThat(claim(10)).isEmpty();
        outbox.complete(first);
        assertThat(claim(10)).extracting(InMemoryOutboxTest::payload).containsExactly("second");
    }

    @Test
    void onlyTheOldestEntryOfAKeyIsClaimable() {
        outbox.append(List.of(entry("a", "1")));
        OutboxEntry head = claim(1).get(0);
        outbox.append(List.of(entry("a", "2"), entry("b", "3")));

        assertThat(claim(10)).extracting(InMemoryOutboxTest::payload).containsExactly("3");
        outbox.reschedule(head, 1, T0, "503");
        assertThat(claim(10)).extracting(InMemoryOutboxTest::payload).containsExactly("1");
    }

    @Test
    void aRescheduledEntryIsNotClaimableBeforeItsTime() {
        outbox.append(List.of(entry("a", "1")));
        OutboxEntry e = claim(1).get(0);
        outbox.reschedule(e, 1, T0.plusSeconds(30), "HTTP 503");

        assertThat(outbox.claim(10, T0.plusSeconds(29), LEASE, "me")).isEmpty();
        assertThat(outbox.nextDueAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(outbox.claim(10, T0.plusSeconds(30), LEASE, "me")).singleElement().satisfies(again -> {
            assertThat(again.attempts()).isEqualTo(1);
            assertThat(again.lastError()).isEqualTo("HTTP 503");
            assertThat(again.messageId()).isEqualTo(e.messageId());
        });
    }

    @Test
    void anExpiredLeaseMakesTheEntryClaimableAgainWithTheSameMessageId() {
        outbox.append(List.of(entry("a", "1")));
        OutboxEntry first = outbox.claim(1, T0, LEASE, "dead-process").get(0);

        assertThat(outbox.claim(1, T0.plusSeconds(59), LEASE, "other")).isEmpty();
        assertThat(outbox.claim(1, T0.plus(LEASE), LEASE, "other")).singleElement()
                .satisfies(e -> assertThat(e.messageId()).isEqualTo(first.messageId()));
    }

    @Test
    void deadLettersLeaveTheLiveQueueAndNoLongerBlockTheirKey() {
        outbox.append(List.of(entry("a", "1")));
        OutboxEntry e = claim(1).get(0);
        outbox.append(List.of(entry("a", "2")));
        outbox.deadLetter(e, 3, "HTTP 400");

        assertThat(outbox.liveCount()).isEqualTo(1);
        assertThat(outbox.deadLetters(10)).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).isEqualTo("HTTP 400");
        });
        assertThat(claim(10)).extracting(InMemoryOutboxTest::payload).containsExactly("2");
    }

    @Test
    void replayPutsDeadLettersBackWithAttemptsReset() {
        outbox.append(List.of(entry("a", "1"), entry("b", "2")));
        claim(10).forEach(e -> outbox.deadLetter(e, 8, "HTTP 500"));

        assertThat(outbox.replay(List.of(), T0.plusSeconds(5))).isEqualTo(2);

        assertThat(outbox.deadLetters(10)).isEmpty();
        assertThat(outbox.claim(10, T0.plusSeconds(5), LEASE, "me"))
                .extracting(OutboxEntry::attempts).containsExactly(0, 0);
    }

    @Test
    void replayOfChosenIdsLeavesTheOthers() {
        outbox.append(List.of(entry("a", "1"), entry("b", "2")));
        List<OutboxEntry> claimed = claim(10);
        claimed.forEach(e -> outbox.deadLetter(e, 1, "HTTP 400"));

        assertThat(outbox.replay(List.of(claimed.get(1).id()), T0)).isEqualTo(1);

        assertThat(outbox.deadLetters(10)).extracting(OutboxEntry::id).containsExactly(claimed.get(0).id());
    }

    @Test
    void aReplayedDeadLetterIsDroppedWhenItsKeyHasANewerChange() {
        outbox.append(List.of(entry("a", "old")));
        outbox.deadLetter(claim(1).get(0), 1, "HTTP 400");
        outbox.append(List.of(entry("a", "new")));

        assertThat(outbox.replay(List.of(), T0)).isEqualTo(1);

        assertThat(claim(10)).extracting(InMemoryOutboxTest::payload).containsExactly("new");
        assertThat(outbox.liveCount()).isEqualTo(1);
    }

    @Test
    void nextDueAtIsNullWhenNothingIsPending() {
        assertThat(outbox.nextDueAt()).isNull();
        outbox.append(List.of(entry("a", "1")));
        outbox.complete(claim(1).get(0));
        assertThat(outbox.nextDueAt()).isNull();
        assertThat(outbox.liveCount()).isZero();
    }
}
