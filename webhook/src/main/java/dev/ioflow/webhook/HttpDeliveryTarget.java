package dev.ioflow.webhook;

import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.Delivery;

import dev.ioflow.destinations.CloudEvent;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationException;
import dev.ioflow.destinations.DestinationResponse;
import dev.ioflow.destinations.DestinationRequest;
import dev.ioflow.webhook.internal.HttpOutcomes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link DeliveryTarget}: one HTTP POST of the JSON payload per change (or a DELETE, see below) to the change's consumed
 * destination, as SAP's webhooks do, with what SAP lacks: any 2xx counts as delivered (204 included), the message
 * id is the same on every redelivery ({@code X-Message-Id}, {@code ce-id}, {@code webhook-id}), {@code Retry-After}
 * is honoured, and requests can be signed.
 *
 * <p><b>CloudEvents.</b> Every request carries the CloudEvents attributes SAP sends; the destination decides
 * whether they go out as {@code ce-*} headers ({@code ConsumedDestination.builder(..).cloudEvents(true)}).
 * {@code ce-type} is {@code sap.cx.commerce.<IO code>.<Created|Updated|Deleted>.v1} (a {@link ChangeType#SAVED
 * save} whose newness the application did not say is {@code Updated}). {@code ce-subject} is the integration key,
 * {@code ce-source} is configurable (default {@code /ioflow}; must be a URI-reference), {@code ce-time} is when the
 * change happened ({@link Delivery#createdAt()}), and {@code ce-id} the message id: both are the same on every
 * redelivery.
 *
 * <p><b>Deletes.</b> By default a delete POSTs the item's last payload, as SAP's webhooks do. With
 * {@link Builder#httpDelete(boolean)} it is sent as SAP's outbound sync {@code synchronizeDelete} sends it: an
 * OData {@code DELETE <destination URL>/<path>('<integration key>')} without a body (quotes in the key doubled).
 *
 * <p><b>Outcomes.</b> 2xx: delivered. 408, 429, 5xx and transport failures (no response; HTTP status 0): retryable,
 * with the {@code Retry-After} header (seconds or HTTP date) as the earliest retry time. Any other status, and an
 * unknown destination: not retryable. An inactive destination or a failing credential: retryable (it may be
 * fixed). Response bodies and errors are kept for monitoring up to 1 KiB.
 *
 * <pre>{@code
 * DeliveryTarget target = HttpDeliveryTarget.builder(destinationClient)
 *         .signer(WebhookSigner.of(secret))
 *         .cloudEventSource("/shop/eu")
 *         .build();
 * }</pre>
 *
 * Thread-safe.
 *
 * @since 0.1
 */
public final class HttpDeliveryTarget implements DeliveryTarget {
    private final DestinationClient client;
    private final Clock clock;
    private final @Nullable WebhookSigner signer;
    private final String cloudEventSource;
    private final @Nullable String path;
    private final boolean httpDelete;

    private HttpDeliveryTarget(Builder builder) {
        this.client = builder.client;
        this.clock = builder.clock;
        this.signer = builder.signer;
        this.cloudEventSource = builder.cloudEventSource;
        this.path = builder.path;
        this.httpDelete = builder.httpDelete;
        if (httpDelete && (path == null || path.isEmpty())) {
            throw new IllegalArgumentException("HTTP DELETE of deletes goes to <destination URL>/<path>('<key>'): "
                    + "set path(..) to the entity set, e.g. \"Customers\"");
        }
    }

    /** Starts a target sending through this client. */
    public static Builder builder(DestinationClient client) {
        return new Builder(client);
    }

    /**
     * The CloudEvents type SAP uses for a change: {@code sap.cx.commerce.<IO>.<Created|Updated|Deleted>.v1}
     * ({@link ChangeType#cloudEventName()}).
     */
    public static String cloudEventType(String integrationObject, ChangeType changeType) {
        return "sap.cx.commerce." + integrationObject + "." + changeType.cloudEventName() + ".v1";
    }

    /**
     * The OData V2 path of an entity by its integration key, as SAP's {@code synchronizeDelete} addresses it:
     * {@code <entitySet>('<key>')}, quotes in the key doubled.
     *
     * @since 1.0
     */
    public static String entityPath(String entitySet, String integrationKey) {
        return entitySet + "('" + integrationKey.replace("'", "''") + "')";
    }

    @Override
    public List<DeliveryOutcome> deliver(List<Delivery> batch) {
        List<DeliveryOutcome> outcomes = new ArrayList<>(batch.size());
        for (Delivery change : batch) {
            outcomes.add(send(change));
        }
        return outcomes;
    }

    private DeliveryOutcome send(Delivery change) {
        byte[] payload = change.payload();
        boolean delete = httpDelete && change.changeType() == ChangeType.DELETED;
        DestinationRequest.Builder request = DestinationRequest.builder()
                .messageId(change.messageId())
                .cloudEvent(CloudEvent.builder(cloudEventType(change.integrationObject(), change.changeType()),
                                cloudEventSource)
                        .subject(change.integrationKey())
                        .time(change.createdAt())
                        .build());
        // the change's context (e.g. traceparent) first: the target's own headers below win on a clash
        change.headers().forEach(request::header);
        if (delete) {
            payload = new byte[0];
            request.method("DELETE").path(entityPath(Objects.requireNonNull(path), change.integrationKey()));
        } else {
            request.json(payload);
            if (path != null) {
                request.path(path);
            }
        }
        if (signer != null) {
            long timestamp = clock.instant().getEpochSecond();
            request.header(WebhookSigner.ID_HEADER, change.messageId())
                    .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSigner.SIGNATURE_HEADER,
                            signer.signature(change.messageId(), timestamp, payload));
        }
        try {
            DestinationResponse response = client.send(change.destinationId(), request.build());
            return HttpOutcomes.of(response.status(), response.bodyString(), response.header("Retry-After"),
                    clock.instant());
        } catch (DestinationException e) {
            return HttpOutcomes.of(e);
        }
    }

    @Override
    public String toString() {
        return "HttpDeliveryTarget[source=" + cloudEventSource + (signer != null ? ", signed" : "")
                + (httpDelete ? ", HTTP DELETE" : "") + "]";
    }

    /** Builds an {@link HttpDeliveryTarget}. */
    public static final class Builder {
        private final DestinationClient client;
        private Clock clock = Clock.systemUTC();
        private @Nullable WebhookSigner signer;
        private String cloudEventSource = "/ioflow";
        private @Nullable String path;
        private boolean httpDelete;

        private Builder(DestinationClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The clock for signature timestamps and {@code Retry-After} dates (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Signs every request (Standard Webhooks); null for none (default). */
        public Builder signer(@Nullable WebhookSigner signer) {
            this.signer = signer;
            return this;
        }

        /**
         * The CloudEvents {@code ce-source} (default {@code /ioflow}).
         *
         * @throws IllegalArgumentException when it is not a URI-reference (RFC 3986), e.g. {@code shop|eu}
         */
        public Builder cloudEventSource(String source) {
            this.cloudEventSource = CloudEvent.requireValidSource(source);
            return this;
        }

        /** A path relative to the destination URL, e.g. the OData entity set (default: the URL itself). */
        public Builder path(@Nullable String path) {
            this.path = path;
            return this;
        }

        /**
         * Sends deletes as OData {@code DELETE <destination URL>/<path>('<integration key>')} without a body
         * (needs {@link #path}); default false: a delete POSTs its payload like a save.
         *
         * @since 1.0
         */
        public Builder httpDelete(boolean enabled) {
            this.httpDelete = enabled;
            return this;
        }

        /**
         * Returns the target.
         *
         * @throws IllegalArgumentException when deletes go as HTTP DELETE and no path is set
         */
        public HttpDeliveryTarget build() {
            return new HttpDeliveryTarget(this);
        }
    }
}
