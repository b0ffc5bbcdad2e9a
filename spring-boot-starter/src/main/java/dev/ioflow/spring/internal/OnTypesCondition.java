package dev.ioflow.spring.internal;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code ioflow.types} names some class, in any form (a comma list or YAML's indexed list), so that the
 * type system is built only when the application asks for one.
 */
public final class OnTypesCondition extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        boolean named = Binder.get(context.getEnvironment())
                .bind("ioflow.types", Bindable.listOf(String.class))
                .map(List::isEmpty).map(empty -> !empty).orElse(false);
        return named ? ConditionOutcome.match("ioflow.types is set")
                : ConditionOutcome.noMatch("ioflow.types is not set");
    }
}
