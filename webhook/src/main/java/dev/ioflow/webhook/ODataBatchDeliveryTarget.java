package dev.ioflow.webhook;

import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationException;
import dev.ioflow.destinations.DestinationRequest;
import dev.ioflow.destinations.DestinationResponse;
import dev.ioflow.webhook.internal.HttpOutcomes;
import dev.ioflow.webhook.internal.Texts;
import dev.ioflow.webhook.spi.Delivery;
import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.olingo.odata2.api.batch.BatchException;
import org.apache.olingo.odata2.api.client.batch.BatchChangeSet;
import org.apache.olingo.odata2.api.client.batch.BatchChangeSetPart;
import org.apache.olingo.odata2.api.client.batch.BatchPart;
import org.apache.olingo.odata2.api.client.batch.BatchSingleResponse;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.jspecify.annotations.Nullable;

/**
 * Sends a batch of changes as one OData V2 {@code $batch} request ({@code multipart/mixed}), as SAP-style OData
 * receivers (SAP's {@code odata2webservices}, SAP Cloud Integration OData adapters) accept them: each change in its
 * own change set, so that each gets its own outcome. A save (created, updated, saved) is a {@code POST <entity set>}
 * of its JSON payload (SAP's upsert); a delete is a {@code DELETE <entity set>('<integration key>')}, or, with
 * {@link Builder#postDeletes(boolean)}, a POST of its delete payload. The request goes to
 * {@code <destination URL>/$batch}; at most {@value #MAX_CHANGE_SETS} change sets per request.
 *
 * <p>The response holds a part per change set: give the {@link DestinationClient} a
 * {@code maxResponseBytes} of about 1 KiB per change set (its 64 KiB default covers about 60); a response cut at
 * that cap leaves every change of the batch retryable.
 *
 * <p>Writing the request and reading the response is Apache Olingo V2's client-side batch support (the
 * {@code olingo-odata2-api} and {@code olingo-odata2-core} jars, optional dependencies of ioflow-webhook: add them
 * to use this target).
 *
 * <p><b>Outcomes.</b> Per change set: 2xx delivered; 408, 429, 5xx retryable; any other status permanent. When the
 * {@code $batch} request itself fails (transport error, non-2xx), every change gets that outcome as
 * {@link HttpDeliveryTarget} would give it; a response with fewer parts than change sets (or one Olingo cannot
 * read) makes the unanswered changes retryable.
 *
 * <pre>{@code
 * WebhookConfiguration crm = WebhookConfiguration.builder(renderer, "s4")
 *         .target(ODataBatchDeliveryTarget.builder(destinationClient, "Customers").build())
 *         .build();
 * }</pre>
 *
 * Thread-safe.
 *
 * @since 1.0
 */
public final class ODataBatchDeliveryTarget implements DeliveryTarget {
    /** The most change sets one {@code $batch} request carries. */
    public static final int MAX_CHANGE_SETS = 200;

    private final DestinationClient client;
    private final String entitySet;
    private final int maxChangeSets;
    private final boolean postDeletes;
    private final Clock clock;

    private ODataBatchDeliveryTarget(Builder b) {
        this.client = b.client;
        this.entitySet = b.entitySet;
        this.maxChangeSets = b.maxChangeSets;
        this.postDeletes = b.postDeletes;
        this.clock = b.clock;
    }

    /**
     * Starts a target sending through this client to the entity set (e.g. {@code Customers}) of each change's
     * destination, whose URL is the OData service root.
     */
    public static Builder builder(DestinationClient client, String entitySet) {
        return new Builder(client, entitySet);
    }

    @Override
    public int maxBatchSize() {
        return maxChangeSets;
    }

    @Override
    public List<DeliveryOutcome> deliver(List<Delivery> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        String boundary = "batch_" + UUID.randomUUID();
        List<BatchPart> parts = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            BatchChangeSet changeSet = BatchChangeSet.newBuilder().build();
            changeSet.add(part(batch.get(i), Integer.toString(i + 1)));
            parts.add(changeSet);
        }
        byte[] body;
        try (InputStream written = EntityProvider.writeBatchRequest(parts, boundary)) {
            body = written.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the $batch request", e);
        }
        DestinationRequest request = DestinationRequest.builder().path("$batch")
                .body(body, "multipart/mixed; boundary=" + boundary)
                .header("Accept", "multipart/mixed")
                .messageId(batch.get(0).messageId())
                .build();
        DestinationResponse response;
        try {
            response = client.send(batch.get(0).destinationId(), request);
        } catch (DestinationException e) {
            return all(batch.size(), HttpOutcomes.of(e));
        }
        if (!response.isSuccessful()) {
            return all(batch.size(), HttpOutcomes.of(response.status(), response.bodyString(),
                    response.header("Retry-After"), clock.instant()));
        }
        return perChangeSet(batch.size(), response);
    }

    private BatchChangeSetPart part(Delivery change, String contentId) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (change.changeType() == ChangeType.DELETED && !postDeletes) {
            return BatchChangeSetPart.method("DELETE")
                    .uri(HttpDeliveryTarget.entityPath(entitySet, change.integrationKey()))
                    .headers(headers).contentId(contentId).build();
        }
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        return BatchChangeSetPart.method("POST").uri(entitySet).headers(headers).body(change.payload())
                .contentId(contentId).build();
    }

    private List<DeliveryOutcome> perChangeSet(int size, DestinationResponse response) {
        String contentType = response.header("Content-Type");
        if (response.bodyTruncated()) {
            return all(size, DeliveryOutcome.retryable(response.status(), "the $batch response is longer than the "
                    + "DestinationClient's maxResponseBytes (" + response.body().length + " bytes read), so the "
                    + "outcomes of its change sets are unknown: raise maxResponseBytes (about 1 KiB per change set)",
                    null));
        }
        List<BatchSingleResponse> answers;
        try {
            answers = EntityProvider.parseBatchResponse(new ByteArrayInputStream(response.body()),
                    contentType == null ? "" : contentType);
        } catch (BatchException | RuntimeException e) {
            return all(size, DeliveryOutcome.retryable(response.status(), Texts.cap("the $batch response ("
                    + contentType + ") cannot be read: " + e.getMessage()), null));
        }
        List<DeliveryOutcome> outcomes = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (i >= answers.size()) {
                outcomes.add(DeliveryOutcome.retryable(response.status(), "the $batch response has " + answers.size()
                        + " parts for " + size + " change sets; change set " + (i + 1) + " has no answer", null));
                continue;
            }
            BatchSingleResponse answer = answers.get(i);
            int status;
            try {
                status = Integer.parseInt(answer.getStatusCode().trim());
            } catch (NumberFormatException e) {
                outcomes.add(DeliveryOutcome.retryable(0, Texts.cap("change set " + (i + 1) + " has the status '"
                        + answer.getStatusCode() + "'"), null));
                continue;
            }
            outcomes.add(HttpOutcomes.of(status, answer.getBody(), answer.getHeader("Retry-After"), clock.instant()));
        }
        return outcomes;
    }

    private static List<DeliveryOutcome> all(int size, DeliveryOutcome outcome) {
        return Collections.nCopies(size, outcome);
    }

    @Override
    public String toString() {
        return "ODataBatchDeliveryTarget[" + entitySet + ", up to " + maxChangeSets + " change sets"
                + (postDeletes ? ", deletes posted" : "") + "]";
    }

    /**
     * Builds an {@link ODataBatchDeliveryTarget}.
     *
     * @since 1.0
     */
    public static final class Builder {
        private final DestinationClient client;
        private final String entitySet;
        private int maxChangeSets = MAX_CHANGE_SETS;
        private boolean postDeletes;
        private Clock clock = Clock.systemUTC();

        private Builder(DestinationClient client, String entitySet) {
            this.client = Objects.requireNonNull(client, "client");
            if (Objects.requireNonNull(entitySet, "entitySet").isBlank() || entitySet.contains("/")) {
                throw new IllegalArgumentException("the entity set must be a name such as \"Customers\", got '"
                        + entitySet + "'");
            }
            this.entitySet = entitySet;
        }

        /** Change sets per request, 1 to {@value #MAX_CHANGE_SETS} (default {@value #MAX_CHANGE_SETS}). */
        public Builder maxChangeSets(int max) {
            if (max < 1 || max > MAX_CHANGE_SETS) {
                throw new IllegalArgumentException("maxChangeSets must be 1 to " + MAX_CHANGE_SETS + ", got " + max);
            }
            this.maxChangeSets = max;
            return this;
        }

        /** POST deletes with their payload instead of an OData DELETE of the entity (default false). */
        public Builder postDeletes(boolean enabled) {
            this.postDeletes = enabled;
            return this;
        }

        /** The clock for {@code Retry-After} dates (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Returns the target. */
        public ODataBatchDeliveryTarget build() {
            return new ODataBatchDeliveryTarget(this);
        }
    }
}
