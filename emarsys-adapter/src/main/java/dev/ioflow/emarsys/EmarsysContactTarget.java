package dev.ioflow.emarsys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.emarsys.internal.ContactOutcomes;
import dev.ioflow.emarsys.internal.PreparedChange;
import dev.ioflow.emarsys.internal.RequestChunker;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.Delivery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers integration-object changes to Emarsys as contacts: saves are upserted
 * ({@code PUT contact/?create_if_not_exists=1}), deletes deleted, in requests of at most 1000 contacts (and 8 MB).
 *
 * <p>Outcomes, one per change:
 * <ul>
 *   <li>Emarsys' per-contact errors fail only their contact: permanently for invalid keys or values (2004–2007),
 *       ambiguous keys (2010) and unknown codes; retryably for 2009 (creation race) and 2011. A delete of an
 *       absent contact (2008) counts as delivered. Every other change of the request is delivered.</li>
 *   <li>HTTP 429 / reply 7003: every change of the request, and of the rest of the batch, fails retryably with
 *       {@code retryAt} = {@code X-RateLimit-Reset}; nothing is dropped.</li>
 *   <li>5xx, reply 2011 and I/O errors: retryable. 401: retryable, because OAuth tokens are refreshed after a 401
 *       and WSSE timestamps are fresh on the next attempt; a wrong secret ends as a dead letter through the retry
 *       policy. The rest of the batch is not sent after a 401. 400, 403, 404 and other validation failures:
 *       permanent.</li>
 *   <li>A payload that is not JSON, lacks a key value or holds a value a converter rejects: permanent, for that
 *       change only.</li>
 *   <li>A save of a contact key value that an earlier change of the batch deletes (and every later change of that
 *       key): retryable, not sent, because deletes travel after upserts and the save would overtake the delete.</li>
 * </ul>
 * Each outcome's detail names the request number, the contact's key value and Emarsys' reply for it, so monitoring
 * shows which contacts travelled together. A {@link RateLimitPacer} delays requests when
 * {@code X-Ratelimit-Remaining} runs low.
 *
 * <pre>{@code
 * EmarsysContactTarget target = EmarsysContactTarget.builder(EmarsysClient.builder().config(config).build(), mapping)
 *         .pacer(RateLimitPacer.builder().lowWaterMark(20).build())
 *         .build();
 * // register it with the webhook service for the Emarsys destination
 * }</pre>
 *
 * @since 0.1
 */
public final class EmarsysContactTarget implements DeliveryTarget {

    /** Emarsys' limit of contacts per request. */
    public static final int MAX_CONTACTS_PER_REQUEST = 1000;
    /** Emarsys' limit of an upsert request's size: 8 MB. */
    public static final long MAX_UPSERT_BYTES = 8L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(EmarsysContactTarget.class);

    private final EmarsysClient client;
    private final ContactMapping declaredMapping;
    private final RateLimitPacer pacer;
    private final ObjectMapper objectMapper;
    private final int maxContacts;
    private final long maxBytes;
    private final AtomicLong requests = new AtomicLong();
    private volatile @Nullable ContactMapping resolvedMapping;

    private EmarsysContactTarget(Builder b) {
        this.client = b.client;
        this.declaredMapping = b.mapping;
        this.pacer = b.pacer;
        this.objectMapper = b.objectMapper;
        this.maxContacts = b.maxContacts;
        this.maxBytes = b.maxBytes;
    }

    /** Starts a target that sends through {@code client} and maps payloads with {@code mapping}. */
    public static Builder builder(EmarsysClient client, ContactMapping mapping) {
        return new Builder(client, mapping);
    }

    @Override
    public int maxBatchSize() {
        return maxContacts;
    }

    /**
     * The mapping with field names resolved: the first call fetches the account's fields once ({@code GET field})
     * and caches the result. Call it at start-up to fail fast on unknown field names.
     *
     * @throws EmarsysMappingException when a field name is unknown to the account
     */
    public ContactMapping mapping() {
        ContactMapping m = resolvedMapping;
        if (m == null) {
            synchronized (this) {
                m = resolvedMapping;
                if (m == null) {
                    m = declaredMapping.needsResolution() ? declaredMapping.resolve(client.listFields())
                            : declaredMapping;
                    resolvedMapping = m;
                    LOG.info("Emarsys contact mapping ready: {}", m);
                }
            }
        }
        return m;
    }

    @Override
    public List<DeliveryOutcome> deliver(List<Delivery> batch) {
        DeliveryOutcome[] outcomes = new DeliveryOutcome[batch.size()];
        ContactMapping m;
        try {
            m = mapping();
        } catch (EmarsysException e) {
            LOG.warn("Emarsys contact mapping could not be resolved: {}", e.getMessage());
            Arrays.fill(outcomes, ContactOutcomes.notSent("the contact mapping could not be resolved", e));
            return List.of(outcomes);
        }
        List<PreparedChange> saves = new ArrayList<>();
        List<PreparedChange> deletes = new ArrayList<>();
        KeyOrder order = new KeyOrder();
        for (int i = 0; i < batch.size(); i++) {
            Delivery change = batch.get(i);
            try {
                JsonNode payload = objectMapper.readTree(change.payload());
                PreparedChange prepared;
                if (change.changeType() == ChangeType.DELETED) {
                    prepared = PreparedChange.delete(i, change, m.keyValue(payload));
                } else {
                    var contact = m.toContact(payload);
                    prepared = PreparedChange.save(i, change, contact.get(m.keyFieldId()), contact);
                }
                if (!order.admit(prepared.keyValue(), change.changeType() == ChangeType.DELETED)) {
                    outcomes[i] = DeliveryOutcome.retryable(0, "not sent: contact " + prepared.keyValue()
                            + " is deleted earlier in this batch, and deletes travel after upserts", null);
                } else if (prepared.contact() == null) {
                    deletes.add(prepared);
                } else {
                    saves.add(prepared);
                }
            } catch (IOException | EmarsysMappingException e) {
                String why = e instanceof EmarsysMappingException ? e.getMessage() : "the payload is not JSON";
                outcomes[i] = DeliveryOutcome.permanent(0, "not sent: integration key " + change.integrationKey()
                        + " of " + change.integrationObject() + ": " + why);
            }
        }
        EmarsysException stop = send("upsert", saves, m, outcomes, null);
        send("delete", deletes, m, outcomes, stop);
        return List.of(outcomes);
    }

    private EmarsysException send(String operation, List<PreparedChange> changes, ContactMapping m,
                                  DeliveryOutcome[] outcomes, EmarsysException earlierStop) {
        EmarsysException stop = earlierStop;
        long limit = "upsert".equals(operation) ? maxBytes : Long.MAX_VALUE;
        for (List<PreparedChange> chunk : RequestChunker.chunks(changes, maxContacts, limit)) {
            if (stop != null) {
                DeliveryOutcome notSent = ContactOutcomes.notSent("an earlier request of this batch failed", stop);
                chunk.forEach(c -> outcomes[c.index()] = notSent);
                continue;
            }
            pacer.awaitPermit();
            ContactOutcomes request = new ContactOutcomes(requests.incrementAndGet(), operation, chunk);
            List<DeliveryOutcome> results;
            try {
                ContactResult result = "upsert".equals(operation)
                        ? client.upsertContacts(m.keyFieldId(), chunk.stream().map(PreparedChange::contact).toList())
                        : client.deleteContacts(m.keyFieldId(), chunk.stream().map(PreparedChange::keyValue).toList());
                pacer.observe(result.rateLimit());
                LOG.debug("Emarsys request {} ({} of {} contacts): {} failed, {}", request.requestNo(), operation,
                        chunk.size(), result.errors().size(), result.rateLimit().describe());
                results = request.from(result);
            } catch (EmarsysException e) {
                LOG.warn("Emarsys request {} ({} of {} contacts) failed: {}", request.requestNo(), operation,
                        chunk.size(), e.getMessage());
                if (e instanceof EmarsysRateLimitException r) {
                    pacer.rateLimited(r.resetAt());
                    stop = e;
                } else if (e instanceof EmarsysAuthException) {
                    stop = e;
                }
                results = request.from(e);
            }
            for (int i = 0; i < chunk.size(); i++) {
                outcomes[chunk.get(i).index()] = results.get(i);
            }
        }
        return stop;
    }

    /**
     * Which changes of a batch may travel now. Upserts are sent before deletes, so a save that follows a delete of
     * the same contact key would overtake it: such a save, and every later change of that key, waits.
     */
    private static final class KeyOrder {
        private final Set<String> deleted = new HashSet<>();
        private final Set<String> held = new HashSet<>();

        boolean admit(String keyValue, boolean delete) {
            if (held.contains(keyValue)) {
                return false;
            }
            if (delete) {
                deleted.add(keyValue);
            } else if (deleted.contains(keyValue)) {
                held.add(keyValue);
                return false;
            }
            return true;
        }
    }

    @Override
    public String toString() {
        return "EmarsysContactTarget[" + client + ", " + declaredMapping + "]";
    }

    /** Builds an {@link EmarsysContactTarget}. */
    public static final class Builder {
        private final EmarsysClient client;
        private final ContactMapping mapping;
        private RateLimitPacer pacer = RateLimitPacer.builder().build();
        private ObjectMapper objectMapper = new ObjectMapper();
        private int maxContacts = MAX_CONTACTS_PER_REQUEST;
        private long maxBytes = MAX_UPSERT_BYTES;

        private Builder(EmarsysClient client, ContactMapping mapping) {
            this.client = Objects.requireNonNull(client, "client");
            this.mapping = Objects.requireNonNull(mapping, "mapping");
        }

        /** The pacer (default: low-water mark 10, system clock, real sleeping). */
        public Builder pacer(RateLimitPacer pacer) {
            this.pacer = Objects.requireNonNull(pacer, "pacer");
            return this;
        }

        /** The mapper that reads payloads. */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
            return this;
        }

        /** Contacts per request, 1 to 1000 (default 1000); also the target's {@link #maxBatchSize()}. */
        public Builder maxContactsPerRequest(int maxContacts) {
            if (maxContacts < 1 || maxContacts > MAX_CONTACTS_PER_REQUEST) {
                throw new IllegalArgumentException("maxContactsPerRequest must be 1 to 1000: " + maxContacts);
            }
            this.maxContacts = maxContacts;
            return this;
        }

        /** The largest upsert body, estimated from above (default 8 MB). */
        public Builder maxRequestBytes(long maxBytes) {
            if (maxBytes < 1024 || maxBytes > MAX_UPSERT_BYTES) {
                throw new IllegalArgumentException("maxRequestBytes must be 1 KiB to 8 MB: " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /** Returns the target; field names are resolved on first use (see {@link EmarsysContactTarget#mapping()}). */
        public EmarsysContactTarget build() {
            return new EmarsysContactTarget(this);
        }
    }
}
