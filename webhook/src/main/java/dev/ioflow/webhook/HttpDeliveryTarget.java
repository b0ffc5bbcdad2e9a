package dev.ioflow.webhook;

import dev.ioflow.webhook.spi.DeliveryOutcome;
import dev.ioflow.webhook.spi.DeliveryTarget;
import dev.ioflow.webhook.spi.Delivery;

import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationException;
import dev.ioflow.destinations.DestinationIOException;
import dev.ioflow.destinations.DestinationResponse;
import dev.ioflow.destinations.DestinationRequest;
import dev.ioflow.destinations.UnknownDestinationException;
import dev.ioflow.webhook.internal.RetryAfter;
import dev.ioflow.webhook.internal.Texts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The default {@link DeliveryTarget}: one HTTP POST of the JSON payload per change to the change's consumed
 * destination, as SAP's webhooks do, with what SAP lacks: any 2xx counts as delivered (204 included), the message
 * id is the same on every redelivery ({@code X-Message-Id}, {@code ce-id}, {@code webhook-id}), {@code Retry-After}
 * is honoured, and requests can be signed.
 *
 * <p><b>CloudEvents.</b> Every request carries the CloudEvents attributes SAP sends; the destination decides
 * whether they go out as {@code ce-*} headers ({@code ConsumedDestination.builder(..).cloudEvents(true)}).
 * {@code ce-type} is {@code sap.cx.commerce.<IO code>.<Updated|Deleted>.v1}: ioflow's SAVED covers creation and
 * update and ioflow cannot tell them apart, so it reports a save as {@code Updated}, never {@code Created}.
 * {@code ce-subject} is the integration key, {@code ce-source} is configurable (default {@code /ioflow}).
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
    private final WebhookSigner signer;
    private final String cloudEventSource;
    private final String path;

    private HttpDeliveryTarget(Builder builder) {
        this.client = builder.client;
        this.clock = builder.clock;
        this.signer = builder.signer;
        this.cloudEventSource = builder.cloudEventSource;
        this.path = builder.path;
    }

    /** Starts a target sending through this client. */
    public static Builder builder(DestinationClient client) {
        return new Builder(client);
    }

    /** The CloudEvents type SAP uses for a change: {@code sap.cx.commerce.<IO>.<Updated|Deleted>.v1}. */
    public static String cloudEventType(String integrationObject, ChangeType changeType) {
        return "sap.cx.commerce." + integrationObject + "." + (changeType == ChangeType.DELETED ? "Deleted" : "Updated")
                + ".v1";
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
        DestinationRequest.Builder request = DestinationRequest.builder()
                .json(change.payload())
                .messageId(change.messageId())
                .cloudEvent(cloudEventType(change.integrationObject(), change.changeType()), cloudEventSource,
                        change.integrationKey());
        if (path != null) {
            request.path(path);
        }
        if (signer != null) {
            long timestamp = clock.instant().getEpochSecond();
            request.header(WebhookSigner.ID_HEADER, change.messageId())
                    .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSigner.SIGNATURE_HEADER,
                            signer.signature(change.messageId(), timestamp, change.payload()));
        }
        try {
            return outcome(client.send(change.destinationId(), request.build()));
        } catch (DestinationIOException e) {
            return DeliveryOutcome.retryable(0, Texts.describe(e), null);
        } catch (UnknownDestinationException e) {
            return DeliveryOutcome.permanent(0, Texts.describe(e));
        } catch (DestinationException e) {
            return DeliveryOutcome.retryable(0, Texts.describe(e), null);
        }
    }

    private DeliveryOutcome outcome(DestinationResponse response) {
        int status = response.status();
        String body = Texts.cap(response.bodyString());
        if (response.isSuccessful()) {
            return DeliveryOutcome.delivered(status, body);
        }
        String detail = Texts.cap("HTTP " + status + (body.isEmpty() ? "" : ": " + body));
        if (RetryPolicy.isRetryableStatus(status)) {
            return DeliveryOutcome.retryable(status, detail,
                    RetryAfter.parse(response.header("Retry-After"), clock.instant()));
        }
        return DeliveryOutcome.permanent(status, detail);
    }

    @Override
    public String toString() {
        return "HttpDeliveryTarget[source=" + cloudEventSource + (signer != null ? ", signed" : "") + "]";
    }

    /** Builds an {@link HttpDeliveryTarget}. */
    public static final class Builder {
        private final DestinationClient client;
        private Clock clock = Clock.systemUTC();
        private WebhookSigner signer;
        private String cloudEventSource = "/ioflow";
        private String path;

        private Builder(DestinationClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The clock for signature timestamps and {@code Retry-After} dates (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Signs every request (Standard Webhooks); null for none (default). */
        public Builder signer(WebhookSigner signer) {
            this.signer = signer;
            return this;
        }

        /** The CloudEvents {@code ce-source} (default {@code /ioflow}). */
        public Builder cloudEventSource(String source) {
            this.cloudEventSource = Objects.requireNonNull(source, "source");
            return this;
        }

        /** A path relative to the destination URL (default: the URL itself). */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** Returns the target. */
        public HttpDeliveryTarget build() {
            return new HttpDeliveryTarget(this);
        }
    }
}
