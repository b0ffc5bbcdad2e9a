package dev.ioflow.spring;

import dev.ioflow.webhook.WebhookService;

/**
 * Adjusts the auto-configured {@link WebhookService} before it is built, for what properties do not cover (a clock,
 * an executor, message ids, webhooks built in code...). Every customizer bean is applied, in
 * {@code @Order}/{@code Ordered} order, after the properties.
 *
 * <pre>{@code
 * @Bean
 * WebhookServiceCustomizer sharedExecutor(ExecutorService deliveries) {
 *     return builder -> builder.executor(deliveries);
 * }
 * }</pre>
 *
 * @since 1.0
 */
@FunctionalInterface
public interface WebhookServiceCustomizer {

    /**
     * Adjusts the builder.
     *
     * @param builder the builder holding the configured values
     */
    void customize(WebhookService.Builder builder);
}
