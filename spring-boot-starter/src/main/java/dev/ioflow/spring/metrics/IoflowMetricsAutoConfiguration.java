package dev.ioflow.spring.metrics;

import dev.ioflow.spring.IoflowAutoConfiguration;
import dev.ioflow.webhook.WebhookService;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures {@link IoflowMetrics} (picked up by the webhook service as its event listener) and
 * {@link IoflowBacklogMetrics} when Micrometer is on the class path; {@code ioflow.metrics.enabled=false} turns them
 * off. Boot binds both to every meter registry of the application.
 *
 * @since 1.0
 */
@AutoConfiguration(after = IoflowAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnProperty(prefix = "ioflow.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
public class IoflowMetricsAutoConfiguration {

    /** Creates the auto-configuration (instantiated by Spring). */
    public IoflowMetricsAutoConfiguration() {
    }

    /** The delivery meters. */
    @Bean
    @ConditionalOnMissingBean
    public IoflowMetrics ioflowMetrics() {
        return new IoflowMetrics();
    }

    /** The outbox gauges, once the webhook service exists. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(WebhookService.class)
    public IoflowBacklogMetrics ioflowBacklogMetrics(WebhookService webhooks) {
        return new IoflowBacklogMetrics(webhooks);
    }
}
