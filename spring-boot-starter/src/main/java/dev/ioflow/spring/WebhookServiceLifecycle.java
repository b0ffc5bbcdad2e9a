package dev.ioflow.spring;

import dev.ioflow.webhook.WebhookService;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the {@link WebhookService}'s delivery workers when the application context has started and closes the
 * service (letting workers deliver what is due, up to {@code ioflow.drain-timeout}) when it stops. A closed service
 * cannot start again, so a stopped context is not restarted.
 *
 * @since 1.0
 */
public final class WebhookServiceLifecycle implements SmartLifecycle {
    /** Late in start-up, early in shutdown: after the data source and web server are up, before they go. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

    private final WebhookService service;
    private final boolean autoStart;
    private volatile boolean running;

    /**
     * Manages this service.
     *
     * @param service   the service
     * @param autoStart whether it starts with the context ({@code ioflow.auto-start})
     */
    public WebhookServiceLifecycle(WebhookService service, boolean autoStart) {
        this.service = Objects.requireNonNull(service, "service");
        this.autoStart = autoStart;
    }

    @Override
    public void start() {
        service.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        service.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStart;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
