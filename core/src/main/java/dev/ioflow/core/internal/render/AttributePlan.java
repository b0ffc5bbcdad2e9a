package dev.ioflow.core.internal.render;

import com.fasterxml.jackson.core.io.SerializedString;
import dev.ioflow.core.AttributeAccessor;

/** How one attribute is written: resolved once, walked on every render. */
final class AttributePlan {
    /** A value written by its runtime class. */
    static final int VALUE = 0;
    /** A nested item, or a collection of them, written through {@link #nested}. */
    static final int NESTED = 1;
    /** Localized text, written the style's way. */
    static final int LOCALIZED = 2;

    final String name;
    /** The payload name, encoded once. */
    final SerializedString fieldName;
    final int mode;
    /** For {@link #NESTED}: the code of the nested integration-object item. */
    final String returnItem;
    private final AttributeAccessor accessor;
    /** For {@link #NESTED}: the nested item's plan; set once while the plan graph is linked. */
    ObjectPlan nested;

    AttributePlan(BoundAttribute attribute) {
        this.name = attribute.name();
        this.fieldName = new SerializedString(name);
        this.accessor = attribute.accessor();
        this.returnItem = attribute.returnItem();
        this.mode = attribute.returnItem() != null ? NESTED : attribute.localized() ? LOCALIZED : VALUE;
    }

    /**
     * The value of this attribute of {@code item}.
     *
     * @throws RenderFailure when the accessor (or virtual function) throws
     */
    Object read(Object item) {
        try {
            return accessor.read(item);
        } catch (RuntimeException e) {
            throw RenderFailure.unreadable(name, e);
        }
    }
}
