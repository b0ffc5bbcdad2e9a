package dev.ioflow.webhook;

import dev.ioflow.webhook.spi.DeliveryTarget;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.core.TypeSystem;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One webhook: which items (an integration object's root items passing an optional filter), which events, where
 * to (a consumed destination, or a custom {@link DeliveryTarget}) and how (signature, batch size). SAP's
 * {@code WebhookConfiguration}, plus outbound sync's {@code synchronizeDelete}. CloudEvents {@code ce-*} headers are
 * switched on per destination ({@code ConsumedDestination.builder(..).cloudEvents(true)}).
 *
 * <pre>{@code
 * WebhookConfiguration crm = WebhookConfiguration.builder(PayloadRenderer.of(ioCustomer, types), "crm")
 *         .eventTypes(ChangeType.SAVED, ChangeType.DELETED)
 *         .filter(item -> ((Customer) item).active())
 *         .build();
 * }</pre>
 *
 * @param id                 unique among a service's webhooks; default {@code <IO code>-><destination id>}
 * @param renderer           renders the integration object's payloads (the IO bound to its type system)
 * @param destinationId      the consumed destination (also the monitoring and marker key for custom targets)
 * @param eventTypes         which application events ({@code saved}, {@code deleted}) this webhook sends
 * @param filter             only items it accepts are sent
 * @param target             a custom target, or null for HTTP POST to the destination ({@link HttpDeliveryTarget})
 * @param maxBatchSize       changes per target call, at most the target's own maximum; 0 means the target's maximum
 * @param signer             signs requests of the default HTTP target (Standard Webhooks), or null
 * @param synchronizeDeletes whether {@code sync} sends a DELETED change for items that disappeared from the source
 * @since 0.1
 */
public record WebhookConfiguration(String id, PayloadRenderer renderer, String destinationId,
                                   Set<ChangeType> eventTypes, Predicate<Object> filter, DeliveryTarget target,
                                   int maxBatchSize, WebhookSigner signer,
                                   boolean synchronizeDeletes) {

    /** Checks the values and copies the event types. */
    public WebhookConfiguration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(filter, "filter");
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("webhook '" + id + "' has no event types");
        }
        if (maxBatchSize < 0) {
            throw new IllegalArgumentException("webhook '" + id + "' has a negative maxBatchSize: " + maxBatchSize);
        }
        eventTypes = Set.copyOf(eventTypes);
    }

    /** Starts a webhook sending the renderer's integration object to the destination. */
    public static Builder builder(PayloadRenderer renderer, String destinationId) {
        return new Builder(renderer, destinationId);
    }

    /** Starts a webhook sending the integration object, rendered over the type system, to the destination. */
    public static Builder builder(IntegrationObject integrationObject, TypeSystem types, String destinationId) {
        return new Builder(PayloadRenderer.of(integrationObject, types), destinationId);
    }

    /** A builder holding this configuration's values. */
    public Builder newBuilder() {
        Builder b = new Builder(renderer, destinationId).id(id).filter(filter).target(target)
                .maxBatchSize(maxBatchSize).signer(signer)
                .synchronizeDeletes(synchronizeDeletes);
        b.eventTypes = EnumSet.copyOf(eventTypes);
        return b;
    }

    /** The integration object's code. */
    public String integrationObject() {
        return renderer.integrationObject().code();
    }

    /** Whether this webhook wants events of this type for this item (type, event and filter all match). */
    public boolean wants(ChangeType type, Object item) {
        return eventTypes.contains(type) && renderer.accepts(item) && filter.test(item);
    }

    /** Builds a {@link WebhookConfiguration}. */
    public static final class Builder {
        private final PayloadRenderer renderer;
        private final String destinationId;
        private String id;
        private Set<ChangeType> eventTypes = EnumSet.of(ChangeType.SAVED);
        private Predicate<Object> filter = item -> true;
        private DeliveryTarget target;
        private int maxBatchSize;
        private WebhookSigner signer;
        private boolean synchronizeDeletes;

        private Builder(PayloadRenderer renderer, String destinationId) {
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            this.destinationId = Objects.requireNonNull(destinationId, "destinationId");
        }

        /** The id (default {@code <IO code>-><destination id>}); part of the outbox's ordering key. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** The events to send (default {@link ChangeType#SAVED} only, as SAP's ItemSaved). */
        public Builder eventTypes(ChangeType first, ChangeType... more) {
            this.eventTypes = EnumSet.of(first, more);
            return this;
        }

        /** Only items this accepts are sent (default all). */
        public Builder filter(Predicate<Object> filter) {
            this.filter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /** A custom target instead of HTTP POST to the destination. */
        public Builder target(DeliveryTarget target) {
            this.target = target;
            return this;
        }

        /** Changes per target call, capped by the target's maximum (default 0: the target's maximum). */
        public Builder maxBatchSize(int size) {
            this.maxBatchSize = size;
            return this;
        }

        /** Signs the default HTTP target's requests (Standard Webhooks); null for none (default). */
        public Builder signer(WebhookSigner signer) {
            this.signer = signer;
            return this;
        }

        /**
         * Whether {@code sync} sends a DELETED change for items that disappeared from the source since the last
         * run (default false). Costs memory: the last payload of every synced item is kept.
         */
        public Builder synchronizeDeletes(boolean enabled) {
            this.synchronizeDeletes = enabled;
            return this;
        }

        /** Returns the configuration. */
        public WebhookConfiguration build() {
            String actualId = id != null ? id : renderer.integrationObject().code() + "->" + destinationId;
            return new WebhookConfiguration(actualId, renderer, destinationId, eventTypes, filter, target,
                    maxBatchSize, signer, synchronizeDeletes);
        }
    }
}
