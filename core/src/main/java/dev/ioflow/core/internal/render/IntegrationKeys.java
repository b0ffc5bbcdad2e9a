package dev.ioflow.core.internal.render;

import dev.ioflow.core.ClassificationValues;
import dev.ioflow.core.DefinitionProblem;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.InvalidDefinitionException;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.VirtualAttributeFunction;
import dev.ioflow.core.internal.validation.KeyRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The renderer's integration keys for every item of an integration object (not only the root), for inbound
 * operations: the same {@link KeyPlan}s, so that keys computed inbound and outbound are identical. Virtual
 * attributes are bound to a function returning null and classification attributes to the default map-entry reader:
 * inbound operations key items by the attributes they write.
 *
 * <p>Null key values follow {@link KeyRule}, as the renderer's do and as the inbound reader checks them: SAP's
 * "null primitive optional key parts are allowed" and "a missing key value renders as {@code null}" hold where the
 * key has another part with a value ({@code c1|null}); otherwise the item has no key
 * ({@link dev.ioflow.core.MissingKeyValueException}). {@link #values} reads a key back by the same rule.
 */
public final class IntegrationKeys {
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
        return new IntegrationKeys(io.code(), new KeyPlanCompiler(items).compile());
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

    /**
     * The values of an integration key's parts, given their URL-decoded texts in key order: null for a part
     * {@link KeyRule} keys as {@value KeyRule#NULL_PART}, else the text.
     *
     * @param texts as many as {@link #parts(String)} has
     */
    public List<@Nullable String> values(String itemCode, List<String> texts) {
        return plan(itemCode).values(texts);
    }

    private KeyPlan plan(String itemCode) {
        KeyPlan plan = plans.get(itemCode);
        if (plan == null) {
            throw new IllegalArgumentException("integration object '" + ioCode + "' has no item '" + itemCode + "'");
        }
        return plan;
    }
}
