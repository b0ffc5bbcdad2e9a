package dev.ioflow.spring.internal;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.spring.IoflowConfigurationException;
import dev.ioflow.spring.IoflowDefinitions;
import dev.ioflow.spring.IoflowProperties;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.spi.DeliveryTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;

/** Builds the webhooks of {@code ioflow.webhooks.*}, checking each reference against what exists. */
public final class WebhookFactory {
    private WebhookFactory() {
    }

    /**
     * One configuration per {@code ioflow.webhooks.<id>}.
     *
     * @param types the type system, asked for only when a webhook is configured
     */
    public static List<WebhookConfiguration> webhooks(IoflowProperties properties,
                                                      IoflowDefinitions definitions,
                                                      Supplier<TypeSystem> types, DestinationRegistry destinations,
                                                      BeanFactory beans) {
        List<WebhookConfiguration> result = new ArrayList<>();
        for (Map.Entry<String, IoflowProperties.Webhook> e : properties.getWebhooks().entrySet()) {
            result.add(webhook(e.getKey(), e.getValue(), definitions, types, destinations, beans));
        }
        return result;
    }

    private static WebhookConfiguration webhook(String id, IoflowProperties.Webhook w,
                                                IoflowDefinitions definitions,
                                                Supplier<TypeSystem> types, DestinationRegistry destinations,
                                                BeanFactory beans) {
        String at = "ioflow.webhooks." + id;
        String code = DestinationFactory.required(w.getIntegrationObject(), at + ".integration-object");
        IntegrationObject io = definitions.find(code);
        if (io == null) {
            throw new IoflowConfigurationException(at + ".integration-object", "no integration object '" + code
                    + "' (known: " + definitions.byCode().keySet() + "; add it to ioflow.definitions or as a bean)");
        }
        String destination = DestinationFactory.required(w.getDestination(), at + ".destination");
        DeliveryTarget target = target(at, w.getTarget(), beans);
        if (target == null && destinations.find(destination) == null) {
            throw new IoflowConfigurationException(at + ".destination", "no destination '" + destination
                    + "' (configured: " + destinations.ids() + ")");
        }
        List<ChangeType> events = w.getEventTypes();
        if (events.isEmpty()) {
            throw new IoflowConfigurationException(at + ".event-types", "must name at least one of "
                    + List.of(ChangeType.values()));
        }
        try {
            return WebhookConfiguration.builder(io, types.get(), destination)
                    .id(id)
                    .eventTypes(events.get(0), events.subList(1, events.size()).toArray(ChangeType[]::new))
                    .target(target)
                    .maxBatchSize(w.getMaxBatchSize())
                    .build();
        } catch (IoflowConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IoflowConfigurationException(at, "invalid webhook: " + e.getMessage(), e);
        }
    }

    private static DeliveryTarget target(String at, String name, BeanFactory beans) {
        if (name == null) {
            return null;
        }
        try {
            return beans.getBean(name, DeliveryTarget.class);
        } catch (BeansException e) {
            throw new IoflowConfigurationException(at + ".target", "no DeliveryTarget bean named '" + name + "'", e);
        }
    }
}
