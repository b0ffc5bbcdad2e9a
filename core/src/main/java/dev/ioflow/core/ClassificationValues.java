package dev.ioflow.core;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Supplies the values of classification attributes (SAP's product features), whatever the items are: the
 * {@link PayloadRenderer} asks it for each classification attribute of an integration-object item. Values are
 * rendered like any attribute's: a single value, a collection (an array), an item rendered through the
 * attribute's nested integration-object item, or localized text.
 *
 * <pre>{@code
 * ClassificationValues features = (item, assignment) -> ((Product) item).feature(assignment.attributeCode());
 * PayloadRenderer renderer = PayloadRenderer.builder(ioProduct, types).classificationValues(features).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe; they are called on the rendering hot path.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface ClassificationValues {

    /**
     * The value of the classification attribute {@code assignment} of {@code item}, or null when the item has none.
     *
     * @param item       the item being rendered; never null
     * @param assignment which classification attribute
     */
    @Nullable Object read(Object item, ClassAttributeAssignment assignment);

    /**
     * The default: {@code Map} items hold each classification attribute's value under the attribute's code
     * ({@code item.get(assignment.attributeCode())}); other items need a {@code ClassificationValues} of their own.
     */
    static ClassificationValues mapEntries() {
        return (item, assignment) -> {
            if (item instanceof Map<?, ?> map) {
                return map.get(assignment.attributeCode());
            }
            throw new IllegalArgumentException("classification attribute '" + assignment.attributeCode() + "' cannot be read from a "
                    + item.getClass().getName() + ": give the PayloadRenderer a ClassificationValues for such items");
        };
    }
}
