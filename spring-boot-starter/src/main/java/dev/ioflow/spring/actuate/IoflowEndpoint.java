package dev.ioflow.spring.actuate;

import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code ioflow} Actuator endpoint: {@code GET /actuator/ioflow} lists the backlog and the dead letters (without
 * their payloads), {@code POST /actuator/ioflow} replays every dead letter and
 * {@code POST /actuator/ioflow/{id}} replays one. Exposed only when the application exposes it
 * ({@code management.endpoints.web.exposure.include=ioflow}); it replays, so secure it like any write endpoint.
 *
 * @since 1.0
 */
@Endpoint(id = "ioflow")
public final class IoflowEndpoint {
    /** Dead letters listed at most. */
    public static final int LIST_LIMIT = 100;

    private final WebhookService webhooks;

    /**
     * The endpoint over this service.
     *
     * @param webhooks the service whose dead letters are listed and replayed
     */
    public IoflowEndpoint(WebhookService webhooks) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    }

    /**
     * The backlog and up to {@value #LIST_LIMIT} dead letters, oldest first as the outbox returns them.
     *
     * @return {@code backlog} and {@code deadLetters}
     */
    @ReadOperation
    public Map<String, Object> deadLetters() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("backlog", webhooks.outbox().liveCount());
        result.put("deadLetters", webhooks.deadLetters(LIST_LIMIT).stream().map(IoflowEndpoint::describe).toList());
        return result;
    }

    /**
     * Replays every dead letter.
     *
     * @return {@code replayed}: how many went back to the queue
     */
    @WriteOperation
    public Map<String, Object> replayAll() {
        return Map.of("replayed", webhooks.replayDeadLetters());
    }

    /**
     * Replays one dead letter.
     *
     * @param id the dead letter's outbox id
     * @return {@code replayed}: 1, or 0 when no dead letter has this id
     */
    @WriteOperation
    public Map<String, Object> replay(@Selector long id) {
        return Map.of("replayed", webhooks.replayDeadLetters(List.of(id)));
    }

    private static Map<String, @Nullable Object> describe(OutboxEntry e) {
        Map<String, @Nullable Object> d = new LinkedHashMap<>();
        d.put("id", e.id());
        d.put("messageId", e.messageId());
        d.put("webhook", e.webhookId());
        d.put("integrationObject", e.integrationObject());
        d.put("destination", e.destinationId());
        d.put("integrationKey", e.integrationKey());
        d.put("changeType", e.changeType().name());
        d.put("createdAt", e.createdAt().toString());
        d.put("attempts", e.attempts());
        d.put("lastError", e.lastError());
        return d;
    }
}
