package dev.ioflow.core.internal.inbound;

import dev.ioflow.core.PayloadException;
import dev.ioflow.core.PayloadProblem;
import dev.ioflow.core.ValueKind;
import dev.ioflow.core.internal.render.IntegrationKeys;
import dev.ioflow.core.persistence.UnitOfWork;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Finds an item by its integration key: the key is split at {@code |} and URL-decoded, each part matched to its
 * key attribute by the renderer's key plan (same order), converted to the attribute's value, and the items are
 * looked up innermost first (a unique reference's item before the item that refers to it). A part the renderer
 * keys as {@code null} is read back as a null value by the same rule ({@link IntegrationKeys#values}).
 */
final class KeyLookup {
    private final Map<String, ItemPlan> plans;
    private final IntegrationKeys keys;

    KeyLookup(Map<String, ItemPlan> plans, IntegrationKeys keys) {
        this.plans = plans;
        this.keys = keys;
    }

    @Nullable Object find(UnitOfWork work, String itemCode, String integrationKey) {
        List<List<String>> parts = keys.parts(itemCode);
        String[] segments = integrationKey.split("\\|", -1);
        if (segments.length != parts.size()) {
            throw invalid(itemCode, integrationKey, "it has " + segments.length + " part(s), item '" + itemCode
                    + "' has " + parts.size() + " key attribute(s)");
        }
        List<String> decoded = new ArrayList<>(segments.length);
        for (int i = 0; i < segments.length; i++) {
            try {
                decoded.add(URLDecoder.decode(segments[i], StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw invalid(itemCode, integrationKey, "part " + (i + 1) + " is not URL-encoded text");
            }
        }
        List<@Nullable String> values = keys.values(itemCode, decoded);
        Map<List<String>, @Nullable String> texts = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            texts.put(parts.get(i), values.get(i));
        }
        return resolve(work, plans.get(itemCode), List.of(), texts, integrationKey);
    }

    private @Nullable Object resolve(UnitOfWork work, ItemPlan plan, List<String> prefix, Map<List<String>, @Nullable String> texts,
                                     String integrationKey) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (AttrPlan unique : plan.uniques) {
            List<String> path = new ArrayList<>(prefix);
            path.add(unique.name());
            if (unique.returnItem() != null) {
                ItemPlan nested = plans.get(unique.returnItem());
                path.add(nested.code);
                Object item = resolve(work, nested, path, texts, integrationKey);
                if (item == null) {
                    return null;
                }
                values.put(unique.source(), plan.factory == null ? item : plan.factory.convert(unique.source(), item));
            } else {
                values.put(unique.source(), value(plan, unique, texts.get(path), integrationKey));
            }
        }
        return work.find(plan.type, values);
    }

    private @Nullable Object value(ItemPlan plan, AttrPlan attribute, @Nullable String text, String integrationKey) {
        if (text == null || text.isEmpty() && attribute.kind() != ValueKind.STRING && attribute.kind() != ValueKind.ANY) {
            return null;
        }
        try {
            ValueKind kind = attribute.kind();
            Object raw = text;
            if ((kind == ValueKind.DATE || kind == ValueKind.LOCAL_DATE || kind == ValueKind.LOCAL_DATE_TIME)
                    && text.matches("-?\\d{1,19}")) {
                raw = Long.parseLong(text); // SAP writes dates in keys as epoch milliseconds
            }
            Object canonical = Values.canonical(kind, raw, java.util.Locale.ROOT);
            return plan.factory == null ? canonical : plan.factory.convert(attribute.source(), canonical);
        } catch (BadValue | RuntimeException e) {
            throw invalid(plan.code, integrationKey, "'" + text + "' is not a value of key attribute '" + attribute.name()
                    + "': " + e.getMessage());
        }
    }

    private static PayloadException invalid(String itemCode, String key, String why) {
        return new PayloadException(new PayloadProblem("$", PayloadProblem.Kind.INVALID_KEY, "'" + key
                + "' is not an integration key of item '" + itemCode + "': " + why));
    }
}
