package dev.ioflow.core.internal.render;

import dev.ioflow.core.ClassificationValues;
import dev.ioflow.core.DefinitionProblem;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.InvalidDefinitionException;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.VirtualAttributeFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The renderer's integration keys for every item of an integration object (not only the root), for inbound
 * operations: the same {@link KeyPlan}s, so that keys computed inbound and outbound are identical. Virtual
 * attributes are bound to a function returning null and classification attributes to the default map-entry reader:
 * inbound operations key items by the attributes they write.
 *
 * <p>Unlike the renderer's, these keys accept a null value of an optional primitive key attribute (one the type
 * system declares neither mandatory nor unique), as SAP Commerce's inbound service does, and render it as the text
 * {@value #NULL_PART} ("a missing key value renders as null"): {@code c1|null}. A null key reference, or a null
 * mandatory key value, still has no key. Like SAP's, such a key cannot tell a null value from the text
 * {@code "null"}; a lookup reads the part as null.
 */
public final class IntegrationKeys {
    /** The key text of a null optional key value. */
    public static final String NULL_PART = "null";

    private final String ioCode;
    private final Map<String, KeyPlan> plans;

    private IntegrationKeys(String ioCode, Map<String, KeyPlan> plans) {
        this.ioCode = ioCode;
        this.plans = plans;
    }

    /** The key plans of a validated integration object. */
    public static IntegrationKeys compile(IntegrationObject io, TypeSystem types) {
        Map<String, VirtualAttributeFunction> functions = new HashMap<>();
        for (IntegrationObjectItem item : io.items()) {
            for (IntegrationObjectAttribute attribute : item.attributes()) {
                if (attribute.isVirtual()) {
                    functions.put(attribute.logicLocation(), i -> null);
                }
            }
        }
        List<DefinitionProblem> problems = new ArrayList<>();
        Map<String, BoundItem> items = new DefinitionBinder(io, types, functions, ClassificationValues.mapEntries(), problems).bind();
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        return new IntegrationKeys(io.code(), new KeyPlanCompiler(items, true).compile());
    }

    /**
     * The integration key of an item of {@code itemCode}.
     *
     * @throws dev.ioflow.core.MissingKeyValueException naming the path of a key attribute with no value
     */
    public String key(String itemCode, Object item) {
        try {
            return plan(itemCode).compute(item);
        } catch (RenderFailure failure) {
            throw failure.within(itemCode).toException(ioCode);
        }
    }

    /**
     * The path of each key part, in key order: attribute payload names and nested item codes, e.g.
     * {@code [catalogVersion, CatalogVersion, catalog, Catalog, id]}.
     */
    public List<List<String>> parts(String itemCode) {
        return plan(itemCode).paths();
    }

    private KeyPlan plan(String itemCode) {
        KeyPlan plan = plans.get(itemCode);
        if (plan == null) {
            throw new IllegalArgumentException("integration object '" + ioCode + "' has no item '" + itemCode + "'");
        }
        return plan;
    }
}
