package dev.ioflow.webhook;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Some items of a batch call ({@code saved(items)}, {@code deleted(items)}) could not be turned into changes,
 * usually because they could not be rendered. Every other item of the call was recorded; {@link #rejections()}
 * says which items failed and why.
 *
 * <pre>{@code
 * try {
 *     webhooks.saved(customers);
 * } catch (ChangeRejectedException e) {
 *     e.rejections().forEach(r -> log.warn("not sent: item {}: {}", r.index(), r.cause().getMessage()));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class ChangeRejectedException extends WebhookException {
    private static final long serialVersionUID = 1L;
    private final transient List<Rejection> rejections;

    /** For the given rejections, out of {@code itemCount} items. */
    public ChangeRejectedException(List<Rejection> rejections, int itemCount) {
        super(message(rejections, itemCount), rejections.isEmpty() ? null : rejections.get(0).cause());
        this.rejections = List.copyOf(rejections);
    }

    /** The rejected items, in call order. */
    public List<Rejection> rejections() {
        return rejections;
    }

    private static String message(List<Rejection> rejections, int itemCount) {
        return rejections.size() + " of " + itemCount + " items rejected: " + rejections.stream()
                .limit(10)
                .map(r -> "item [" + r.index() + "] for webhook '" + r.webhookId() + "': " + r.cause().getMessage())
                .collect(Collectors.joining("; "))
                + (rejections.size() > 10 ? "; and " + (rejections.size() - 10) + " more" : "");
    }

    /**
     * One item that was not recorded for one webhook configuration.
     *
     * @param index     the item's position in the call (0 for single-item calls)
     * @param item      the item itself
     * @param webhookId the webhook configuration it was rejected for
     * @param cause     why (typically an {@link dev.ioflow.core.ItemRenderException} naming the path)
     */
    public record Rejection(int index, Object item, String webhookId, RuntimeException cause) {

        /** Item, webhook id and cause are required. */
        public Rejection {
            Objects.requireNonNull(webhookId, "webhookId");
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public String toString() {
            return "Rejection[item " + index + ", webhook " + webhookId + ": " + cause.getMessage() + "]";
        }
    }
}
