package dev.ioflow.core.internal.inbound;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.ItemDraft;
import dev.ioflow.core.ItemFactory;
import dev.ioflow.core.PayloadException;
import dev.ioflow.core.PayloadProblem;
import dev.ioflow.core.PayloadProblem.Kind;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.ValueConversionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The compiled reader behind {@code PayloadReader}: walks a payload (plain Java values: maps, lists, text,
 * numbers, typed dates) element by element, converts each value for its attribute and collects every problem
 * with its JSON path. What can be told without the store is checked here: a key attribute absent or null (unless
 * {@link dev.ioflow.core.internal.validation.KeyRule} allows it), a mandatory single value set to null (an error on
 * create and update alike, as SAP answers); mandatory values absent on create are the {@link StoreEngine}'s to find,
 * as only it knows whether an element creates its item. Immutable and thread-safe.
 */
public final class ReadEngine {
    static final String INTEGRATION_KEY = "integrationKey";
    static final String LOCALIZED_ATTRIBUTES = "localizedAttributes";
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String ioCode;
    private final Map<String, ItemPlan> plans;
    private final Locale locale;

    private ReadEngine(String ioCode, Map<String, ItemPlan> plans, Locale locale) {
        this.ioCode = ioCode;
        this.plans = plans;
        this.locale = locale;
    }

    /** Binds a validated integration object to its type system. */
    public static ReadEngine compile(IntegrationObject io, TypeSystem types, Locale locale) {
        return new ReadEngine(io.code(), ItemPlan.compile(io, types), locale);
    }

    /** The same engine reading localized strings in another language. */
    public ReadEngine withLocale(Locale other) {
        return new ReadEngine(ioCode, plans, other);
    }

    /** UTF-8 JSON as plain Java values; malformed JSON is a problem at {@code $}. */
    public Object parse(byte[] json) {
        try {
            Object value = MAPPER.readValue(json, Object.class);
            return value == null ? "null" : value;
        } catch (JacksonException e) {
            throw new PayloadException(new PayloadProblem("$", Kind.WRONG_TYPE, "malformed JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new PayloadException(new PayloadProblem("$", Kind.WRONG_TYPE, "unreadable JSON: " + e.getMessage()));
        }
    }

    /** A Jackson tree as plain Java values. */
    public Object plain(JsonNode tree) {
        Object value = MAPPER.convertValue(tree, Object.class);
        return value == null ? "null" : value;
    }

    /**
     * The draft of an element of {@code itemCode}.
     *
     * @throws IllegalArgumentException when the integration object has no such item
     * @throws PayloadException         with every problem found
     */
    public ItemDraft read(String itemCode, Object payload, boolean partial) {
        ItemPlan plan = plan(itemCode);
        List<PayloadProblem> problems = new ArrayList<>();
        if (!(payload instanceof Map<?, ?> entity)) {
            throw new PayloadException(new PayloadProblem("$", Kind.WRONG_TYPE, "expected a JSON object for item '"
                    + itemCode + "', got " + BadValue.describe(payload)));
        }
        ItemDraft draft = element(plan, entity, "$", partial, List.of(), problems);
        if (!problems.isEmpty()) {
            throw new PayloadException(problems);
        }
        return draft;
    }

    ItemPlan plan(String itemCode) {
        ItemPlan plan = plans.get(itemCode);
        if (plan == null) {
            throw new IllegalArgumentException("integration object '" + ioCode + "' has no item '" + itemCode + "' (items: "
                    + plans.keySet() + ")");
        }
        return plan;
    }

    Map<String, ItemPlan> plans() {
        return plans;
    }

    private ItemDraft element(ItemPlan plan, Map<?, ?> entity, String path, boolean partial, List<String> ancestors,
                              List<PayloadProblem> problems) {
        ItemFactory factory = plan.factory;
        if (factory == null) {
            problems.add(new PayloadProblem(path, Kind.NOT_WRITABLE, "item type '" + plan.type.code()
                    + "' cannot be written: its type system gives it no ItemFactory"));
        }
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        Map<AttrPlan, Map<Locale, String>> localized = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entity.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (name.equals(INTEGRATION_KEY) || name.startsWith("__") || name.startsWith("@")) {
                continue;
            }
            String at = path + "." + name;
            if (name.equals(LOCALIZED_ATTRIBUTES)) {
                localizedList(plan, entry.getValue(), at, localized, problems);
                continue;
            }
            AttrPlan attribute = plan.byName.get(name);
            if (attribute == null) {
                problems.add(new PayloadProblem(at, Kind.UNKNOWN_PROPERTY, "'" + name + "' is not a property of item '"
                        + plan.code + "' (properties: " + plan.names() + ")"));
                continue;
            }
            if (attribute.virtual()) {
                continue;
            }
            if (factory != null && !factory.writable(attribute.source())) {
                problems.add(new PayloadProblem(at, Kind.NOT_WRITABLE, "attribute '" + attribute.source() + "' of item type '"
                        + plan.type.code() + "' cannot be written"));
                continue;
            }
            Object raw = entry.getValue();
            if (raw == null) {
                if (attribute.mandatory() && !attribute.keptWhenNull() && !plan.uniques.contains(attribute)) {
                    problems.add(attribute.missing(at, plan.code, "the payload sets it to null"));
                }
                values.put(attribute.source(), null);
            } else if (attribute.returnItem() != null) {
                values.put(attribute.source(), nested(attribute, raw, at, inner(ancestors, plan), problems));
            } else if (attribute.descriptor().isLocalized()) {
                try {
                    localized.computeIfAbsent(attribute, a -> new LinkedHashMap<>()).putAll(Values.localized(raw, locale));
                } catch (BadValue e) {
                    problems.add(new PayloadProblem(at, e.kind, e.getMessage()));
                }
            } else {
                Object canonical = attribute.many() ? many(attribute, raw, at, problems) : single(attribute, raw, at, problems);
                if (canonical != null) {
                    convert(factory, attribute, canonical, at, values, problems);
                }
            }
        }
        localized.forEach((attribute, text) -> convert(factory, attribute, text, path + "." + attribute.name(), values, problems));
        problems.addAll(plan.missingKeys(path, values, partial && path.equals("$"), ancestors));
        return new ItemDraft(plan.code, plan.type, path, values);
    }

    private @Nullable Object nested(AttrPlan attribute, Object raw, String at, List<String> ancestors, List<PayloadProblem> problems) {
        ItemPlan nested = plans.get(attribute.returnItem());
        Object value = results(raw);
        if (value instanceof List<?> list) {
            List<ItemDraft> drafts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String elementPath = at + "[" + i + "]";
                if (list.get(i) instanceof Map<?, ?> m) {
                    drafts.add(element(nested, m, elementPath, false, ancestors, problems));
                } else {
                    problems.add(new PayloadProblem(elementPath, Kind.WRONG_TYPE, "expected an object for item '"
                            + nested.code + "', got " + BadValue.describe(list.get(i) == null ? "null" : list.get(i))));
                }
            }
            return drafts;
        }
        if (value instanceof Map<?, ?> m) {
            if (attribute.many()) {
                problems.add(new PayloadProblem(at, Kind.WRONG_TYPE, "expected an array of '" + nested.code + "' objects, got an object"));
                return null;
            }
            return element(nested, m, at, false, ancestors, problems);
        }
        problems.add(new PayloadProblem(at, Kind.WRONG_TYPE, "expected " + (attribute.many() ? "an array of" : "an")
                + " object for item '" + nested.code + "', got " + BadValue.describe(value)));
        return null;
    }

    /** The item codes from the root to {@code plan}'s element: the ancestors of its nested elements. */
    private static List<String> inner(List<String> ancestors, ItemPlan plan) {
        List<String> inner = new ArrayList<>(ancestors);
        inner.add(plan.code);
        return inner;
    }

    /** OData's {@code {"results":[…]}} wrapping of to-many values, unwrapped. */
    private static Object results(Object raw) {
        if (raw instanceof Map<?, ?> m && m.size() == 1 && m.get("results") instanceof List<?> list) {
            return list;
        }
        return raw;
    }

    private @Nullable Object single(AttrPlan attribute, Object raw, String at, List<PayloadProblem> problems) {
        try {
            return Values.canonical(attribute.kind(), raw, locale);
        } catch (BadValue e) {
            problems.add(new PayloadProblem(at, e.kind, e.getMessage()));
            return null;
        }
    }

    private @Nullable List<@Nullable Object> many(AttrPlan attribute, Object raw, String at, List<PayloadProblem> problems) {
        if (!(results(raw) instanceof List<?> list)) {
            problems.add(new PayloadProblem(at, Kind.WRONG_TYPE, "expected an array, got " + BadValue.describe(raw)));
            return null;
        }
        List<@Nullable Object> values = new ArrayList<>(list.size());
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (element instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("value")) {
                element = m.get("value"); // SAP's [{"value": …}] form of primitive collections
            }
            if (element == null) {
                values.add(null);
                continue;
            }
            try {
                values.add(Values.canonical(attribute.kind(), element, locale));
            } catch (BadValue e) {
                problems.add(new PayloadProblem(at + "[" + i + "]", e.kind, e.getMessage()));
                ok = false;
            }
        }
        return ok ? values : null;
    }

    private void localizedList(ItemPlan plan, @Nullable Object raw, String at, Map<AttrPlan, Map<Locale, String>> localized,
                               List<PayloadProblem> problems) {
        if (raw == null) {
            return;
        }
        if (!(results(raw) instanceof List<?> list)) {
            problems.add(new PayloadProblem(at, Kind.WRONG_TYPE, "expected an array of {\"language\": …} objects, got "
                    + BadValue.describe(raw)));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String entryPath = at + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry) || !(entry.get("language") instanceof String tag)) {
                problems.add(new PayloadProblem(entryPath, Kind.WRONG_TYPE, "expected an object with a \"language\" text"));
                continue;
            }
            Locale language;
            try {
                language = Values.language(tag);
            } catch (BadValue e) {
                problems.add(new PayloadProblem(entryPath + ".language", e.kind, e.getMessage()));
                continue;
            }
            for (Map.Entry<?, ?> e : entry.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (name.equals("language") || name.startsWith("__") || name.startsWith("@")) {
                    continue;
                }
                AttrPlan attribute = plan.byName.get(name);
                if (attribute == null || attribute.virtual() || !attribute.descriptor().isLocalized()) {
                    problems.add(new PayloadProblem(entryPath + "." + name, Kind.UNKNOWN_PROPERTY, "'" + name
                            + "' is not a localized attribute of item '" + plan.code + "'"));
                    continue;
                }
                try {
                    localized.computeIfAbsent(attribute, a -> new LinkedHashMap<>())
                            .put(language, e.getValue() == null ? null : Values.text(e.getValue()));
                } catch (BadValue bad) {
                    problems.add(new PayloadProblem(entryPath + "." + name, bad.kind, bad.getMessage()));
                }
            }
        }
    }

    private static void convert(@Nullable ItemFactory factory, AttrPlan attribute, Object canonical, String at,
                                Map<String, @Nullable Object> values, List<PayloadProblem> problems) {
        if (factory == null) {
            return;
        }
        try {
            values.put(attribute.source(), factory.convert(attribute.source(), canonical));
        } catch (ValueConversionException e) {
            problems.add(new PayloadProblem(at, e.outOfRange() ? Kind.OUT_OF_RANGE : Kind.INVALID_VALUE, e.getMessage()));
        } catch (RuntimeException e) {
            problems.add(new PayloadProblem(at, Kind.INVALID_VALUE, String.valueOf(e.getMessage())));
        }
    }
}
