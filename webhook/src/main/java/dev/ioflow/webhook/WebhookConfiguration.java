package dev.ioflow.webhook;

import dev.ioflow.webhook.spi.DeliveryTarget;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.core.TypeSystem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One webhook: which items (an integration object's root items passing an optional filter, and the children that
 * lead to them), which events, where to (a consumed destination, or a custom {@link DeliveryTarget}) and how
 * (signature, batch size, deletes as POST or HTTP DELETE). SAP's {@code WebhookConfiguration}, plus outbound sync's
 * {@code synchronizeDelete}. CloudEvents {@code ce-*} headers are switched on per destination
 * ({@code ConsumedDestination.builder(..).cloudEvents(true)}). Immutable.
 *
 * <pre>{@code
 * WebhookConfiguration crm = WebhookConfiguration.builder(PayloadRenderer.of(ioCustomer, types), "crm")
 *         .eventTypes(ChangeType.SAVED, ChangeType.DELETED)
 *         .rootResolver(RootResolver.viaAttribute(types, "Address", "owner"))
 *         .filter(item -> ((Customer) item).active())
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class WebhookConfiguration {
    private final String id;
    private final PayloadRenderer renderer;
    private final String destinationId;
    private final Set<ChangeType> eventTypes;
    private final Predicate<Object> filter;
    private final @Nullable DeliveryTarget target;
    private final int maxBatchSize;
    private final @Nullable WebhookSigner signer;
    private final boolean synchronizeDeletes;
    private final List<RootResolver> rootResolvers;
    private final @Nullable String path;
    private final boolean httpDelete;

    private WebhookConfiguration(Builder b) {
        this.renderer = b.renderer;
        this.destinationId = b.destinationId;
        this.id = b.id != null ? b.id : renderer.integrationObject().code() + "->" + destinationId;
        if (b.maxBatchSize < 0) {
            throw new IllegalArgumentException("webhook '" + id + "' has a negative maxBatchSize: " + b.maxBatchSize);
        }
        if (b.httpDelete && b.target != null) {
            throw new IllegalArgumentException("webhook '" + id + "' has a custom target: httpDelete applies to the "
                    + "default HTTP target only");
        }
        if (b.httpDelete && (b.path == null || b.path.isEmpty())) {
            throw new IllegalArgumentException("webhook '" + id + "' sends deletes as HTTP DELETE to "
                    + "<destination URL>/<path>('<integration key>'): set path(..) to the entity set, e.g. \"Customers\"");
        }
        this.eventTypes = Set.copyOf(b.eventTypes);
        this.filter = b.filter;
        this.target = b.target;
        this.maxBatchSize = b.maxBatchSize;
        this.signer = b.signer;
        this.synchronizeDeletes = b.synchronizeDeletes;
        this.rootResolvers = List.copyOf(b.rootResolvers);
        this.path = b.path;
        this.httpDelete = b.httpDelete;
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
                .maxBatchSize(maxBatchSize).signer(signer).synchronizeDeletes(synchronizeDeletes).path(path)
                .httpDelete(httpDelete);
        b.eventTypes = EnumSet.copyOf(eventTypes);
        b.rootResolvers.addAll(rootResolvers);
        return b;
    }

    /** Unique among a service's webhooks; default {@code <IO code>-><destination id>}; part of the ordering key. */
    public String id() {
        return id;
    }

    /** Renders the integration object's payloads (the IO bound to its type system). */
    public PayloadRenderer renderer() {
        return renderer;
    }

    /** The consumed destination (also the monitoring and marker key for custom targets). */
    public String destinationId() {
        return destinationId;
    }

    /** The event types this webhook sends (see {@link ChangeType#covers}). */
    public Set<ChangeType> eventTypes() {
        return eventTypes;
    }

    /** Only root items it accepts are sent. */
    public Predicate<Object> filter() {
        return filter;
    }

    /** A custom target, or null for the default HTTP target ({@link HttpDeliveryTarget}). */
    public @Nullable DeliveryTarget target() {
        return target;
    }

    /** Changes per target call, at most the target's own maximum; 0 means the target's maximum. */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** Signs requests of the default HTTP target (Standard Webhooks), or null. */
    public @Nullable WebhookSigner signer() {
        return signer;
    }

    /** Whether {@code sync} sends a DELETED change for items that disappeared from the source. */
    public boolean synchronizeDeletes() {
        return synchronizeDeletes;
    }

    /**
     * How saved children lead to this webhook's root items, in declaration order; empty when only root items count.
     *
     * @since 1.0
     */
    public List<RootResolver> rootResolvers() {
        return rootResolvers;
    }

    /**
     * The default HTTP target's path relative to the destination URL (e.g. the OData entity set), or null for the
     * URL itself.
     *
     * @since 1.0
     */
    public @Nullable String path() {
        return path;
    }

    /**
     * Whether the default HTTP target sends deletes as OData {@code DELETE <destination URL>/<path>('<key>')}
     * (SAP's {@code synchronizeDelete}) instead of POSTing the delete payload.
     *
     * @since 1.0
     */
    public boolean httpDelete() {
        return httpDelete;
    }

    /** The integration object's code. */
    public String integrationObject() {
        return renderer.integrationObject().code();
    }

    /**
     * Whether this webhook wants events of this type for this root item (type, event and filter all match); see
     * {@link #rootsOf} for children.
     */
    public boolean wants(ChangeType type, Object item) {
        return wantsType(type) && renderer.accepts(item) && filter.test(item);
    }

    /**
     * Whether this webhook sends changes of this type.
     *
     * @since 1.0
     */
    public boolean wantsType(ChangeType type) {
        for (ChangeType wanted : eventTypes) {
            if (wanted.covers(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The root items a saved child leads to through the {@link #rootResolvers()}, each once (by identity), in the
     * order found; items the renderer accepts are roots, others are resolved again. Empty for an item that is a root
     * itself, or that no resolver knows.
     *
     * @throws IllegalStateException when the children nest deeper than {@link RootResolver#MAX_DEPTH} levels (a cycle)
     * @since 1.0
     */
    public List<Object> rootsOf(Object item) {
        if (rootResolvers.isEmpty() || renderer.accepts(item)) {
            return List.of();
        }
        List<Object> roots = new ArrayList<>(1);
        collectRoots(item, 0, roots);
        return roots;
    }

    private void collectRoots(Object item, int depth, List<Object> roots) {
        if (depth >= RootResolver.MAX_DEPTH) {
            throw new IllegalStateException("webhook '" + id + "': item " + item + " leads to no root item of "
                    + integrationObject() + " within " + RootResolver.MAX_DEPTH + " levels (do the root resolvers "
                    + "form a cycle?)");
        }
        for (RootResolver resolver : rootResolvers) {
            for (Object parent : resolver.roots(item)) {
                if (renderer.accepts(parent)) {
                    if (roots.stream().noneMatch(r -> r == parent)) {
                        roots.add(parent);
                    }
                } else {
                    collectRoots(parent, depth + 1, roots);
                }
            }
        }
    }

    /** Equal when every value is equal (filters, targets, signers and resolvers by their own equality). */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof WebhookConfiguration w && id.equals(w.id) && renderer.equals(w.renderer)
                && destinationId.equals(w.destinationId) && eventTypes.equals(w.eventTypes)
                && filter.equals(w.filter) && Objects.equals(target, w.target) && maxBatchSize == w.maxBatchSize
                && Objects.equals(signer, w.signer) && synchronizeDeletes == w.synchronizeDeletes
                && rootResolvers.equals(w.rootResolvers) && Objects.equals(path, w.path)
                && httpDelete == w.httpDelete;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, renderer, destinationId, eventTypes, target, maxBatchSize, path, httpDelete);
    }

    @Override
    public String toString() {
        return "WebhookConfiguration[" + id + ": " + integrationObject() + " -> " + destinationId + ", " + eventTypes
                + (target != null ? ", target " + target : "") + (httpDelete ? ", HTTP DELETE" : "") + "]";
    }

    /** Builds a {@link WebhookConfiguration}. */
    public static final class Builder {
        private final PayloadRenderer renderer;
        private final String destinationId;
        private @Nullable String id;
        private Set<ChangeType> eventTypes = EnumSet.of(ChangeType.SAVED);
        private Predicate<Object> filter = item -> true;
        private @Nullable DeliveryTarget target;
        private int maxBatchSize;
        private @Nullable WebhookSigner signer;
        private boolean synchronizeDeletes;
        private final List<RootResolver> rootResolvers = new ArrayList<>();
        private @Nullable String path;
        private boolean httpDelete;

        private Builder(PayloadRenderer renderer, String destinationId) {
            this.renderer = Objects.requireNonNull(renderer, "renderer");
            this.destinationId = Objects.requireNonNull(destinationId, "destinationId");
        }

        /** The id (default {@code <IO code>-><destination id>}); part of the outbox's ordering key. */
        public Builder id(@Nullable String id) {
            this.id = id;
            return this;
        }

        /**
         * The events to send (default {@link ChangeType#SAVED} only, as SAP's ItemSaved: saves, creations and
         * updates).
         */
        public Builder eventTypes(ChangeType first, ChangeType... more) {
            this.eventTypes = EnumSet.of(first, more);
            return this;
        }

        /** Only root items this accepts are sent (default all). */
        public Builder filter(Predicate<Object> filter) {
            this.filter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /** A custom target instead of HTTP POST to the destination; null for the default. */
        public Builder target(@Nullable DeliveryTarget target) {
            this.target = target;
            return this;
        }

        /** Changes per target call, capped by the target's maximum (default 0: the target's maximum). */
        public Builder maxBatchSize(int size) {
            this.maxBatchSize = size;
            return this;
        }

        /** Signs the default HTTP target's requests (Standard Webhooks); null for none (default). */
        public Builder signer(@Nullable WebhookSigner signer) {
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

        /**
         * Adds a way from saved children to this webhook's root items: a save, creation, update or delete of a child
         * is sent as an {@link ChangeType#UPDATED update} of each root it leads to (rendered at that moment).
         *
         * @since 1.0
         */
        public Builder rootResolver(RootResolver resolver) {
            rootResolvers.add(Objects.requireNonNull(resolver, "resolver"));
            return this;
        }

        /**
         * The default HTTP target's path relative to the destination URL, e.g. the OData entity set
         * {@code Customers}; null (default) for the URL itself.
         *
         * @since 1.0
         */
        public Builder path(@Nullable String path) {
            this.path = path;
            return this;
        }

        /**
         * Sends deletes as OData {@code DELETE <destination URL>/<path>('<integration key>')} without a body, as
         * SAP's {@code synchronizeDelete} (needs {@link #path}); default false: deletes POST the delete payload.
         *
         * @since 1.0
         */
        public Builder httpDelete(boolean enabled) {
            this.httpDelete = enabled;
            return this;
        }

        /**
         * Returns the configuration.
         *
         * @throws IllegalArgumentException for a negative batch size, or HTTP DELETE without a path or with a
         *                                  custom target
         */
        public WebhookConfiguration build() {
            return new WebhookConfiguration(this);
        }
    }
}
