package dev.ioflow.spring.internal;

import dev.ioflow.webhook.WebhookConfiguration;
import java.util.Map;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when some webhook is configured: under {@code ioflow.webhooks} or as a WebhookConfiguration bean. */
public final class OnWebhooksCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean inProperties = Binder.get(context.getEnvironment())
                .bind("ioflow.webhooks", Bindable.mapOf(String.class, Object.class))
                .map(Map::isEmpty).map(empty -> !empty).orElse(false);
        if (inProperties) {
            return ConditionOutcome.match("ioflow.webhooks is set");
        }
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        if (beans != null && beans.getBeanNamesForType(WebhookConfiguration.class, true, false).length > 0) {
            return ConditionOutcome.match("a WebhookConfiguration bean exists");
        }
        return ConditionOutcome.noMatch("no ioflow.webhooks and no WebhookConfiguration bean");
    }
}
