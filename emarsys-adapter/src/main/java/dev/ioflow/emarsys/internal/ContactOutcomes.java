package dev.ioflow.emarsys.internal;

import dev.ioflow.emarsys.ContactError;
import dev.ioflow.emarsys.ContactResult;
import dev.ioflow.emarsys.EmarsysException;
import dev.ioflow.emarsys.EmarsysRateLimitException;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns Emarsys' answer to one request into one outcome per change, with monitoring text naming the request, the
 * contact and Emarsys' reply for it: {@code request 7: contact a@x ok (id 123) [upsert, 1000 contacts]}.
 *
 * @param requestNo the request's number (per target, from 1)
 * @param operation {@code upsert} or {@code delete}
 * @param chunk     the changes the request carried
 */
public record ContactOutcomes(long requestNo, String operation, List<PreparedChange> chunk) {

    /** Emarsys' code for "no contact found": a delete of an absent contact has nothing left to do. */
    private static final int NOT_FOUND = 2008;

    /** One outcome per change of the chunk, in chunk order, from a (possibly partly failed) result. */
    public List<DeliveryOutcome> from(ContactResult result) {
        Map<String, ContactError> folded = new HashMap<>();
        result.errors().forEach((k, v) -> folded.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        List<ContactError> errors = new ArrayList<>(chunk.size());
        int successes = 0;
        for (PreparedChange c : chunk) {
            ContactError error = result.errorFor(c.keyValue());
            if (error == null) {
                error = folded.get(c.keyValue().toLowerCase(Locale.ROOT));
            }
            errors.add(error);
            successes += error == null ? 1 : 0;
        }
        boolean idsLineUp = result.ids().size() == successes;
        List<DeliveryOutcome> outcomes = new ArrayList<>(chunk.size());
        int nextId = 0;
        for (int i = 0; i < chunk.size(); i++) {
            String key = chunk.get(i).keyValue();
            ContactError error = errors.get(i);
            if (error == null) {
                String id = idsLineUp ? " (id " + result.ids().get(nextId++) + ")" : "";
                outcomes.add(DeliveryOutcome.delivered(result.httpStatus(), prefix() + "contact " + key + " ok" + id
                        + suffix()));
            } else if (error.code() == NOT_FOUND && "delete".equals(operation)) {
                outcomes.add(DeliveryOutcome.delivered(result.httpStatus(), prefix() + "contact " + key
                        + " not found, nothing to delete (" + error.describe() + ")" + suffix()));
            } else {
                String detail = prefix() + "contact " + key + " failed " + error.describe() + suffix();
                outcomes.add(error.retryable() ? DeliveryOutcome.retryable(result.httpStatus(), detail, null)
                        : DeliveryOutcome.permanent(result.httpStatus(), detail));
            }
        }
        return outcomes;
    }

    /** The same failure for every change of the chunk, retryable as the exception says. */
    public List<DeliveryOutcome> from(EmarsysException e) {
        DeliveryOutcome outcome = failure(prefix() + e.getMessage() + suffix(), e);
        return chunk.stream().map(c -> outcome).toList();
    }

    /**
     * The outcome of a change that was not sent because of {@code e}, retryable as it says.
     *
     * @param why why it matters, e.g. {@code an earlier request of this batch failed}
     */
    public static DeliveryOutcome notSent(String why, EmarsysException e) {
        return failure("not sent: " + why + ": " + e.getMessage(), e);
    }

    private static DeliveryOutcome failure(String detail, EmarsysException e) {
        if (!e.retryable()) {
            return DeliveryOutcome.permanent(e.httpStatus(), detail);
        }
        return DeliveryOutcome.retryable(e.httpStatus(), detail,
                e instanceof EmarsysRateLimitException r ? r.resetAt() : null);
    }

    private String prefix() {
        return "request " + requestNo + ": ";
    }

    private String suffix() {
        return " [" + operation + ", " + chunk.size() + (chunk.size() == 1 ? " contact]" : " contacts]");
    }
}
