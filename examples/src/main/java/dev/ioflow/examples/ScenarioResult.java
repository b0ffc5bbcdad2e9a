package dev.ioflow.examples;

import dev.ioflow.emarsys.ContactData;
import dev.ioflow.emarsys.ContactMapping;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestStatus;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link CustomerScenario} or the {@link InboundScenario} did: the monitoring records of every delivery
 * attempt, whether every delivery ended in time, and the contacts Emarsys holds afterwards.
 *
 * @param mapping            the contact mapping the changes went through
 * @param records            every {@link OutboundRequest} (one per attempt), oldest first, with payloads
 * @param idle               whether every delivery ended (delivered or dead-lettered) before the timeout
 * @param deadLetters        how many changes ended as dead letters
 * @param unchangedSaveQueue how many changes the unchanged save (or POST) of {@code c2} queued (0: delta detection worked)
 * @param contactsAfter      Emarsys' answer to reading the five customers back, or null when that failed
 * @param readBackProblem    why reading back failed, or null
 * @since 0.1
 */
public record ScenarioResult(ContactMapping mapping, List<OutboundRequest> records, boolean idle, int deadLetters,
                             int unchangedSaveQueue, ContactData contactsAfter, String readBackProblem) {

    /** Copies the records, ordered by id (the monitor answers newest first). */
    public ScenarioResult {
        Objects.requireNonNull(mapping, "mapping");
        records = records.stream().sorted(Comparator.comparingLong(OutboundRequest::id)).toList();
    }

    /** The last record of each change (by message id), in the order the changes were first attempted. */
    public List<OutboundRequest> finalRecords() {
        Map<String, OutboundRequest> last = new LinkedHashMap<>();
        records.forEach(r -> last.put(r.messageId(), r));
        return List.copyOf(last.values());
    }

    /** Whether every change was delivered: all ended in time, none is a dead letter, each last attempt succeeded. */
    public boolean allDelivered() {
        return idle && deadLetters == 0 && !records.isEmpty()
                && finalRecords().stream().allMatch(r -> r.status() == OutboundRequestStatus.SUCCESS);
    }
}
