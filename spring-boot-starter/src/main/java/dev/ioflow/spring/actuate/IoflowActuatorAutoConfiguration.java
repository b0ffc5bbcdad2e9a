package dev.ioflow.spring.actuate;

import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.spring.IoflowAutoConfiguration;
import dev.ioflow.spring.IoflowProperties;
import dev.ioflow.webhook.WebhookService;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the {@link IoflowHealthIndicator} ({@code management.health.ioflow.enabled}) and the
 * {@link IoflowEndpoint} when Actuator is present and a {@link WebhookService} bean exists.
 *
 * @since 1.0
 */
@AutoConfiguration(after = IoflowAutoConfiguration.class)
@ConditionalOnBean(WebhookService.class)
public class IoflowActuatorAutoConfiguration {

    /** Creates the auto-configuration (instantiated by Spring). */
    public IoflowActuatorAutoConfiguration() {
    }

    /** The health indicator, with Boot's health support on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("ioflow")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "ioflowHealthIndicator")
        IoflowHealthIndicator ioflowHealthIndicator(WebhookService webhooks, DestinationRegistry destinations,
                                                    IoflowProperties properties) {
            return new IoflowHealthIndicator(webhooks, destinations, properties.getHealth().getMaxBacklog(),
                    properties.getHealth().getMaxDeadLetters());
        }
    }

    /** The dead-letter endpoint, with Actuator's endpoint support on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
    static class Endpoints {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint
        IoflowEndpoint ioflowEndpoint(WebhookService webhooks) {
            return new IoflowEndpoint(webhooks);
        }
    }
}
