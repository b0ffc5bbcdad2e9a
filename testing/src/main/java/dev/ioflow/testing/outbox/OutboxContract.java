package dev.ioflow.testing.outbox;

import dev.ioflow.webhook.spi.Outbox;
import dev.ioflow.webhook.spi.OutboxEntry;
import dev.ioflow.webhook.spi.PendingChange;
import dev.ioflow.webhook.spi.Settlement;
import dev.ioflow.webhook.ChangeType;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.PayloadHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link Outbox} contract as executable JUnit 5 tests: every implementation (the built-in in-memory and JDBC
 * outboxes, and yours) extends this class and supplies a fresh, empty outbox. Instants are whole seconds so that
 * every store keeps them exactly.
 *
 * <pre>{@code
 * class MyOutboxTest extends OutboxContract {
 *     @Override
 *     protected Outbox createOutbox() {
 *         return new MyOutbox(...);
 *     }
 * }
 * }</pre>
 *
 * @since 1.0
 */
public abstract class OutboxContract {
    /** The tests' clock start. */
    protected static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    /** The lease the tests claim with. */
    protected static final Duration LEASE = Duration.ofSeconds(30);

    /** The outbox under test, fresh for each test. */
    protected Outbox outbox;
    private int messages;

    /** A new, empty outbox; the contract closes it after each test. */
    protected abstract Outbox createOutbox();

    /** Creates the outbox under test. */
    @BeforeEach
    public void openOutbox() {
        outbox = createOutbox();
    }

    /** Closes it. */
    @AfterEach
    public void closeOutbox() {
        outbox.close();
    }

    /** A saved change of {@code key} with the given payload, due at {@link #T0}. */
    protected OutboxEntry entry(String key, String payload) {
        return entry(key, payload, T0);
    }

    /** A saved change of {@code key} with the given payload, due at {@code dueAt}. */
    protected OutboxEntry entry(String key, String payload, Instant dueAt) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return OutboxEntry.builder().messageId("msg-" + (++messages)).webhookId("wh-customer")
                .integrationObject("ioCustomer").destinationId("crm").integrationKey(key)
                .changeType(ChangeType.SAVED).payload(bytes)
                .payloadHash(new PayloadHash(payload.hashCode(), -1L - messages)).createdAt(T0).attempts(0)
                .nextAttemptAt(dueAt).build();
    }

    /** A deleted change of {@code key} with the given payload, due at {@link #T0}. */
    protected OutboxEntry deleted(String key, String payload) {
        OutboxEntry saved = entry(key, payload);
        return OutboxEntry.builder().messageId(saved.messageId()).webhookId(saved.webhookId())
                .integrationObject(saved.integrationObject()).destinationId(saved.destinationId())
                .integrationKey(key).changeType(ChangeType.DELETED).payload(saved.payload())
                .payloadHash(saved.payloadHash()).createdAt(T0).attempts(0).nextAttemptAt(T0).build();
    }

    /** The entry's payload as UTF-8 text. */
    protected static String payloadOf(OutboxEntry entry) {
        return new String(entry.payload(), StandardCharsets.UTF_8);
    }

    /** Claims up to 100 due entries at {@code now} for {@code owner}. */
    protected List<OutboxEntry> claimAll(Instant now, String owner) {
        return outbox.claim(100, now, LEASE, owner);
    }

    @Test
    public void appendedEntriesAreClaimedInAppendOrderWithEveryField() {
        OutboxEntry first = entry("k1", "{\"n\":1}");
        OutboxEntry second = OutboxEntry.builder().messageId("msg-delete").webhookId("wh-customer")
                .integrationObject("ioCustomer").destinationId("crm").integrationKey("k2")
                .changeType(ChangeType.DELETED).payload(new byte[] {0, 1, (byte) 0xff})
                .payloadHash(PayloadHash.fromHex("ffffffffffffffff8000000000000001")).createdAt(T0.minusSeconds(5))
                .attempts(2).nextAttemptAt(T0).lastError("HTTP 503").build();
        outbox.append(List.of(first));
        outbox.append(List.of(second));

        List<OutboxEntry> claimed = claimAll(T0, "worker-a");

        assertThat(claimed).hasSize(2);
        assertThat(claimed.get(0).id()).isPositive().isLessThan(claimed.get(1).id());
        assertThat(claimed.get(0).newBuilder().id(0).claim(null, 0).build()).isEqualTo(first);
        assertThat(claimed.get(1).newBuilder().id(0).claim(null, 0).build()).isEqualTo(second);
        assertThat(claimed).allSatisfy(e -> {
            assertThat(e.claimedBy()).isEqualTo("worker-a");
            assertThat(e.claimToken()).isNotZero();
        });
    }

    @Test
    public void claimReturnsAtMostMaxEntriesOldestFirst() {
        outbox.append(List.of(entry("k1", "a"), entry("k2", "b"), entry("k3", "c")));

        assertThat(outbox.claim(2, T0, LEASE, "w")).extracting(OutboxEntry::integrationKey).containsExactly("k1", "k2");
        assertThat(outbox.claim(2, T0, LEASE, "w")).extracting(OutboxEntry::integrationKey).containsExactly("k3");
    }

    @Test
    public void claimingZeroEntriesLeavesThemPending() {
        outbox.append(List.of(entry("k1", "a")));

        assertThat(outbox.claim(0, T0, LEASE, "w")).isEmpty();
        assertThat(claimAll(T0, "w")).hasSize(1);
    }

    @Test
    public void claimedEntryIsNotClaimedAgainWhileLeased() {
        outbox.append(List.of(entry("k1", "a")));
        claimAll(T0, "worker-a");

        assertThat(claimAll(T0.plusSeconds(29), "worker-b")).isEmpty();
    }

    @Test
    public void entryIsNotClaimedBeforeItIsDue() {
        outbox.append(List.of(entry("k1", "a", T0.plusSeconds(60))));

        assertThat(claimAll(T0.plusSeconds(59), "w")).isEmpty();
        assertThat(claimAll(T0.plusSeconds(60), "w")).extracting(OutboxEntry::integrationKey).containsExactly("k1");
    }

    @Test
    public void appendReplacesThePendingEntryOfTheSameKey() {
        outbox.append(List.of(entry("k1", "old")));
        OutboxEntry newer = entry("k1", "new");
        outbox.append(List.of(newer));

        assertThat(outbox.liveCount()).isEqualTo(1);
        assertThat(claimAll(T0, "w")).singleElement()
                .satisfies(e -> assertThat(payloadOf(e)).isEqualTo("new"))
                .satisfies(e -> assertThat(e.messageId()).isEqualTo(newer.messageId()));
    }

    @Test
    public void oneAppendWithTwoChangesOfOneKeyKeepsTheNewest() {
        outbox.append(List.of(entry("k1", "old"), entry("k2", "other"), entry("k1", "new")));

        assertThat(claimAll(T0, "w")).extracting(OutboxContract::payloadOf).containsExactly("other", "new");
    }

    @Test
    public void saveQueuesBehindAPendingDeleteOfTheSameKeyInsteadOfReplacingIt() {
        outbox.append(List.of(deleted("k1", "gone")));
        outbox.append(List.of(entry("k1", "recreated")));
        outbox.append(List.of(entry("k1", "recreated-again")));

        assertThat(outbox.liveCount()).isEqualTo(2);
        OutboxEntry first = claimAll(T0, "w").get(0);
        assertThat(first.changeType()).isEqualTo(ChangeType.DELETED);
        outbox.complete(first);
        assertThat(claimAll(T0, "w")).extracting(OutboxContract::payloadOf).containsExactly("recreated-again");
    }

    @Test
    public void oneAppendWithADeleteThenASaveOfOneKeyKeepsBothInOrder() {
        outbox.append(List.of(entry("k1", "old")));
        outbox.append(List.of(deleted("k1", "gone"), entry("k2", "other"), entry("k1", "recreated")));

        List<OutboxEntry> firstClaim = claimAll(T0, "w");
        assertThat(firstClaim).extracting(OutboxContract::payloadOf).containsExactly("gone", "other");
        firstClaim.forEach(e -> outbox.complete(e));
        assertThat(claimAll(T0, "w")).extracting(OutboxContract::payloadOf).containsExactly("recreated");
    }

    @Test
    public void deleteReplacesThePendingSaveOfTheSameKey() {
        outbox.append(List.of(entry("k1", "v1")));
        outbox.append(List.of(deleted("k1", "gone")));

        assertThat(claimAll(T0, "w")).extracting(OutboxContract::payloadOf).containsExactly("gone");
        assertThat(outbox.liveCount()).isEqualTo(1);
    }

    @Test
    public void appendQueuesBehindAnInFlightEntryOfTheSameKey() {
        outbox.append(List.of(entry("k1", "v1")));
        OutboxEntry inFlight = claimAll(T0, "w").get(0);
        outbox.append(List.of(entry("k1", "v2")));

        assertThat(outbox.liveCount()).isEqualTo(2);
        assertThat(claimAll(T0, "w")).isEmpty();

        outbox.complete(inFlight);
        assertThat(claimAll(T0, "w")).extracting(OutboxContract::payloadOf).containsExactly("v2");
    }

    @Test
    public void otherKeysAreClaimedWhileOneKeyIsInFlight() {
        outbox.append(List.of(entry("k1", "v1")));
        claimAll(T0, "w");
        outbox.append(List.of(entry("k1", "v2"), entry("k2", "x")));

        assertThat(claimAll(T0, "w")).extracting(OutboxEntry::integrationKey).containsExactly("k2");
    }

    @Test
    public void expiredLeaseMakesTheEntryClaimableAgainWithTheSameMessageId() {
        outbox.append(List.of(entry("k1", "a")));
        OutboxEntry first = claimAll(T0, "crashed-worker").get(0);

        List<OutboxEntry> again = claimAll(T0.plus(LEASE), "worker-b");

        assertThat(again).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(first.id());
            assertThat(e.messageId()).isEqualTo(first.messageId());
        });
    }

    @Test
    public void rescheduleReleasesTheClaimUntilTheNextAttempt() {
        outbox.append(List.of(entry("k1", "a")));
        OutboxEntry claimed = claimAll(T0, "w").get(0);

        outbox.reschedule(claimed, 1, T0.plusSeconds(300), "HTTP 503");

        assertThat(claimAll(T0.plusSeconds(299), "w")).isEmpty();
        assertThat(claimAll(T0.plusSeconds(300), "w")).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastError()).isEqualTo("HTTP 503");
            assertThat(e.nextAttemptAt()).isEqualTo(T0.plusSeconds(300));
            assertThat(e.messageId()).isEqualTo(claimed.messageId());
        });
    }

    @Test
    public void rescheduledEntryStillHoldsBackNewerEntriesOfItsKey() {
        outbox.append(List.of(entry("k1", "v1")));
        OutboxEntry claimed = claimAll(T0, "w").get(0);
        outbox.append(List.of(entry("k1", "v2")));

        outbox.reschedule(claimed, 1, T0.plusSeconds(300), "HTTP 503");

        assertThat(claimAll(T0.plusSeconds(10), "w")).isEmpty();
        assertThat(claimAll(T0.plusSeconds(300), "w")).extracting(OutboxContract::payloadOf).containsExactly("v1");
    }

    @Test
    public void completedEntryLeavesTheOutbox() {
        outbox.append(List.of(entry("k1", "a")));
        outbox.complete(claimAll(T0, "w").get(0));

        assertThat(outbox.liveCount()).isZero();
        assertThat(claimAll(T0.plus(LEASE), "w")).isEmpty();
    }

    @Test
    public void deadLetterLeavesTheLiveQueueAndUnblocksItsKey() {
        outbox.append(List.of(entry("k1", "v1")));
        OutboxEntry failed = claimAll(T0, "w").get(0);
        outbox.append(List.of(entry("k1", "v2")));

        outbox.deadLetter(failed, 5, "HTTP 400 Bad Request");

        assertThat(outbox.liveCount()).isEqualTo(1);
        assertThat(claimAll(T0, "w")).extracting(OutboxContract::payloadOf).containsExactly("v2");
        assertThat(outbox.deadLetters(10)).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(failed.id());
            assertThat(e.attempts()).isEqualTo(5);
            assertThat(e.lastError()).isEqualTo("HTTP 400 Bad Request");
        });
    }

    @Test
    public void deadLettersAreListedOldestFirstUpToTheLimit() {
        outbox.append(List.of(entry("k1", "a"), entry("k2", "b"), entry("k3", "c")));
        List<OutboxEntry> claimed = claimAll(T0, "w");
        for (int i = claimed.size() - 1; i >= 0; i--) {
            outbox.deadLetter(claimed.get(i), 1, "HTTP 400");
        }

        assertThat(outbox.deadLetters(2)).extracting(OutboxEntry::integrationKey).containsExactly("k1", "k2");
    }

    @Test
    public void replayPutsADeadLetterBackWithAttemptsResetAndTheSameMessageId() {
        outbox.append(List.of(entry("k1", "a"), entry("k2", "b")));
        List<OutboxEntry> claimed = claimAll(T0, "w");
        claimed.forEach(e -> outbox.deadLetter(e, 3, "HTTP 400"));
        Instant replayAt = T0.plusSeconds(3600);

        assertThat(outbox.replay(List.of(claimed.get(0).id()), replayAt)).isEqualTo(1);

        assertThat(outbox.deadLetters(10)).extracting(OutboxEntry::integrationKey).containsExactly("k2");
        assertThat(claimAll(replayAt, "w")).singleElement().satisfies(e -> {
            assertThat(e.messageId()).isEqualTo(claimed.get(0).messageId());
            assertThat(e.attempts()).isZero();
            assertThat(e.nextAttemptAt()).isEqualTo(replayAt);
        });
    }

    @Test
    public void replayOfAnEmptyIdListReplaysEveryDeadLetter() {
        outbox.append(List.of(entry("k1", "a"), entry("k2", "b")));
        claimAll(T0, "w").forEach(e -> outbox.deadLetter(e, 3, "HTTP 400"));

        assertThat(outbox.replay(List.of(), T0)).isEqualTo(2);

        assertThat(outbox.deadLetters(10)).isEmpty();
        assertThat(outbox.liveCount()).isEqualTo(2);
    }

    @Test
    public void replayDropsADeadLetterWhoseKeyHasANewerLiveEntry() {
        outbox.append(List.of(entry("k1", "v1")));
        outbox.deadLetter(claimAll(T0, "w").get(0), 3, "HTTP 400");
        outbox.append(List.of(entry("k1", "v2")));

        assertThat(outbox.replay(List.of(), T0)).isEqualTo(1);

        assertThat(outbox.deadLetters(10)).isEmpty();
        assertThat(claimAll(T0, "w")).extracting(OutboxContract::payloadOf).containsExactly("v2");
    }

    @Test
    public void replayIgnoresIdsThatAreNotDeadLetters() {
        outbox.append(List.of(entry("k1", "a")));
        long liveId = claimAll(T0, "w").get(0).id();

        assertThat(outbox.replay(List.of(liveId, liveId + 1000), T0)).isZero();
    }

    @Test
    public void liveCountCountsPendingAndInFlightButNotDeadLetters() {
        outbox.append(List.of(entry("k1", "a"), entry("k2", "b")));
        List<OutboxEntry> claimed = outbox.claim(1, T0, LEASE, "w");
        outbox.append(List.of(entry("k3", "c")));
        outbox.deadLetter(claimed.get(0), 1, "HTTP 400");

        assertThat(outbox.liveCount()).isEqualTo(2);
    }

    @Test
    public void nextDueAtIsNullWhenNothingIsLive() {
        assertThat(outbox.nextDueAt()).isNull();
    }

    @Test
    public void nextDueAtIsTheEarliestPendingAttempt() {
        outbox.append(List.of(entry("k1", "a", T0.plusSeconds(120)), entry("k2", "b", T0.plusSeconds(60))));

        assertThat(outbox.nextDueAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    public void nextDueAtOfAnInFlightKeyIsItsLeaseEndEvenWithANewerEntryQueued() {
        outbox.append(List.of(entry("k1", "v1")));
        claimAll(T0, "w");
        outbox.append(List.of(entry("k1", "v2")));

        assertThat(outbox.nextDueAt()).isEqualTo(T0.plus(LEASE));
    }

    @Test
    public void nextDueAtIgnoresDeadLetters() {
        outbox.append(List.of(entry("k1", "a")));
        outbox.deadLetter(claimAll(T0, "w").get(0), 1, "HTTP 400");

        assertThat(outbox.nextDueAt()).isNull();
    }

    @Test
    public void newestLiveIsTheLastAppendedChangeOfTheKeyPendingOrInFlight() {
        assertThat(outbox.newestLive("wh-customer", "crm", "c1")).isNull();
        OutboxEntry first = entry("c1", "{\"v\":1}");
        outbox.append(List.of(first));
        assertThat(outbox.newestLive("wh-customer", "crm", "c1"))
                .isEqualTo(new PendingChange(ChangeType.SAVED, first.payloadHash()));

        OutboxEntry inFlight = claimAll(T0, "worker").get(0);
        assertThat(outbox.newestLive("wh-customer", "crm", "c1")).as("in flight")
                .isEqualTo(new PendingChange(ChangeType.SAVED, first.payloadHash()));
        OutboxEntry gone = deleted("c1", "{\"v\":2}");
        outbox.append(List.of(gone));
        assertThat(outbox.newestLive("wh-customer", "crm", "c1")).as("queued behind the one in flight")
                .isEqualTo(new PendingChange(ChangeType.DELETED, gone.payloadHash()));
        assertThat(outbox.newestLive("wh-customer", "crm", "c2")).as("another key").isNull();
        assertThat(outbox.newestLive("wh-other", "crm", "c1")).as("another webhook").isNull();
        assertThat(outbox.newestLive("wh-customer", "erp", "c1")).as("another destination").isNull();

        outbox.complete(inFlight);
        assertThat(outbox.newestLive("wh-customer", "crm", "c1"))
                .isEqualTo(new PendingChange(ChangeType.DELETED, gone.payloadHash()));
    }

    @Test
    public void newestLiveIgnoresDeadLettersAndCompletedEntries() {
        outbox.append(List.of(entry("c1", "{\"v\":1}")));
        OutboxEntry failed = claimAll(T0, "worker").get(0);
        outbox.deadLetter(failed, 1, "HTTP 400");
        assertThat(outbox.newestLive("wh-customer", "crm", "c1")).as("dead letter").isNull();

        outbox.append(List.of(entry("c1", "{\"v\":2}")));
        OutboxEntry delivered = claimAll(T0, "worker").get(0);
        outbox.complete(delivered);
        assertThat(outbox.newestLive("wh-customer", "crm", "c1")).as("completed").isNull();
    }
    @Test
    public void aStaleClaimCannotCompleteAnEntryAnotherWorkerClaimedAgain() {
        outbox.append(List.of(entry("k1", "a")));
        OutboxEntry stale = claimAll(T0, "worker-a").get(0);
        OutboxEntry current = claimAll(T0.plus(LEASE), "worker-b").get(0);

        assertThat(outbox.complete(stale)).as("stale complete").isFalse();
        assertThat(outbox.reschedule(stale, 1, T0, "late")).as("stale reschedule").isFalse();
        assertThat(outbox.deadLetter(stale, 1, "late")).as("stale dead letter").isFalse();
        assertThat(outbox.liveCount()).isEqualTo(1);
        assertThat(outbox.deadLetters(10)).isEmpty();
        assertThat(outbox.complete(current)).isTrue();
        assertThat(outbox.liveCount()).isZero();
    }

    @Test
    public void aClaimOfTheSameOwnerFromAnEarlierPassIsStaleToo() {
        outbox.append(List.of(entry("k1", "a")));
        OutboxEntry first = claimAll(T0, "worker").get(0);
        OutboxEntry again = claimAll(T0.plus(LEASE), "worker").get(0);

        assertThat(again.claimToken()).isNotEqualTo(first.claimToken());
        assertThat(outbox.complete(first)).isFalse();
        assertThat(outbox.complete(again)).isTrue();
    }

    @Test
    public void anEntryIsSettledOnce() {
        outbox.append(List.of(entry("k1", "a"), entry("k2", "b")));
        List<OutboxEntry> claimed = claimAll(T0, "worker");
        assertThat(outbox.complete(claimed.get(0))).isTrue();

        List<Settlement> refused = outbox.settle(List.of(Settlement.completed(claimed.get(0)),
                Settlement.rescheduled(claimed.get(1), 1, T0.plusSeconds(5), "HTTP 503")));

        assertThat(refused).extracting(Settlement::entry).containsExactly(claimed.get(0));
        assertThat(claimAll(T0.plusSeconds(5), "worker")).extracting(OutboxEntry::integrationKey)
                .containsExactly("k2");
    }

    @Test
    public void refusedSettlementsComeBackInTheGivenOrder() {
        outbox.append(List.of(entry("k1", "a"), entry("k2", "b"), entry("k3", "c"), entry("k4", "d")));
        List<OutboxEntry> stale = claimAll(T0, "worker-a");
        // worker-a's leases ran out and worker-b holds all four entries now
        List<OutboxEntry> held = claimAll(T0.plus(LEASE), "worker-b");
        assertThat(held).extracting(OutboxEntry::integrationKey).containsExactly("k1", "k2", "k3", "k4");

        List<Settlement> settlements = List.of(
                Settlement.rescheduled(stale.get(0), 1, T0.plusSeconds(60), "HTTP 503"),
                Settlement.completed(held.get(1)),
                Settlement.completed(stale.get(2)),
                Settlement.deadLettered(stale.get(3), 1, "HTTP 400"));

        assertThat(outbox.settle(settlements))
                .containsExactly(settlements.get(0), settlements.get(2), settlements.get(3));
        assertThat(outbox.liveCount()).isEqualTo(3);
    }

    @Test
    public void settleAppliesCompletionsReschedulesAndDeadLettersTogether() {
        outbox.append(List.of(entry("k1", "a"), entry("k2", "b"), entry("k3", "c")));
        List<OutboxEntry> claimed = claimAll(T0, "worker");
        assertThat(claimed).extracting(OutboxEntry::integrationKey).containsExactly("k1", "k2", "k3");
        outbox.append(List.of(entry("k1", "next")));

        assertThat(outbox.settle(List.of(Settlement.completed(claimed.get(0)),
                Settlement.rescheduled(claimed.get(1), 1, T0.plusSeconds(60), "HTTP 503"),
                Settlement.deadLettered(claimed.get(2), 1, "HTTP 400")))).isEmpty();

        List<OutboxEntry> next = claimAll(T0, "worker");
        assertThat(next).extracting(OutboxEntry::integrationKey, OutboxContract::payloadOf)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("k1", "next"));
        assertThat(outbox.complete(next.get(0))).isTrue();
        assertThat(outbox.deadLetters(10)).extracting(OutboxEntry::integrationKey).containsExactly("k3");
        assertThat(claimAll(T0.plusSeconds(60), "worker")).extracting(OutboxEntry::integrationKey)
                .containsExactly("k2");
    }

    @Test
    public void aRenewedLeaseKeepsTheClaim() {
        outbox.append(List.of(entry("k1", "a")));
        OutboxEntry claimed = claimAll(T0, "worker-a").get(0);

        assertThat(outbox.renew(List.of(claimed), T0.plus(LEASE).plus(LEASE))).containsExactly(claimed);

        assertThat(claimAll(T0.plus(LEASE), "worker-b")).as("renewed lease still running").isEmpty();
        assertThat(claimAll(T0.plus(LEASE).plus(LEASE), "worker-b")).hasSize(1);
        assertThat(outbox.renew(List.of(claimed), T0.plus(LEASE.multipliedBy(3)))).as("claim lost").isEmpty();
        assertThat(outbox.complete(claimed)).isFalse();
    }

    @Test
    public void nextDueAtNamesTheEarliestPendingHeadOrLeaseEnd() {
        assertThat(outbox.nextDueAt()).isNull();
        outbox.append(List.of(entry("k1", "a", T0.plusSeconds(100)), entry("k2", "c", T0.plusSeconds(50))));
        assertThat(outbox.nextDueAt()).isEqualTo(T0.plusSeconds(50));
        assertThat(claimAll(T0.plusSeconds(50), "worker")).hasSize(1);
        assertThat(outbox.nextDueAt()).as("the claimed one's lease ends before k1 is due")
                .isEqualTo(T0.plusSeconds(50).plus(LEASE));
    }

    /** For outboxes that serve destination health ({@link Outbox#resume}); the built-in ones do. */
    @Test
    public void resumeMakesTheWaitingEntriesOfOneDestinationDueOldestFirstWithAttemptsReset() {
        Instant parked = T0.plus(Duration.ofDays(100_000));
        outbox.append(List.of(entry("k1", "a"), entry("k2", "b", parked),
                entry("k3", "c", parked).newBuilder().destinationId("erp").build()));
        outbox.reschedule(claimAll(T0, "w").get(0), 3, parked, "parked: destination 'crm' is disabled");
        Instant now = T0.plusSeconds(60);

        assertThat(outbox.resume("crm", now)).isEqualTo(2);

        assertThat(claimAll(now, "w"))
                .extracting(e -> e.integrationKey() + " " + e.attempts() + " " + e.nextAttemptAt())
                .containsExactly("k1 0 " + now, "k2 0 " + now);
        assertThat(outbox.liveCount()).isEqualTo(3);
    }
}
