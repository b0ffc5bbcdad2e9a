package dev.ioflow.odata.internal.persist;

import dev.ioflow.odata.internal.edm.EntityModel;
import dev.ioflow.odata.internal.edm.IoModel;
import dev.ioflow.odata.internal.edm.NavModel;
import dev.ioflow.odata.internal.edm.PropertyModel;
import dev.ioflow.core.VirtualAttributeFunction;
import dev.ioflow.core.persistence.IntegrationObjectStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Items as Olingo's entity data: a map of property name → Edm-typed Java value (String, Boolean, Integer, Long,
 * Double, Date), with the item itself kept under a hidden key so that {@code $expand} callbacks can navigate from it.
 */
public final class EntityData {
    /** Not an EDM property name (those are identifiers), so Olingo never writes it. */
    static final String ITEM = "\u0000item";

    private final IoModel model;
    private final IntegrationObjectStore store;
    private final Locale language;

    public EntityData(IoModel model, IntegrationObjectStore store, Locale language) {
        this.model = model;
        this.store = store;
        this.language = language;
    }

    /** The data of {@code item}, an item of entity type {@code entity}. */
    public Map<String, Object> of(EntityModel entity, Object item) {
        if (!entity.isItem()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> helper = (Map<String, Object>) item;
            return helper;
        }
        Map<String, Object> data = new HashMap<>();
        for (PropertyModel p : entity.properties()) {
            if (p.descriptor() == null) {
                if (p.attribute() != null && p.attribute().isVirtual()) {
                    data.put(p.name(), virtual(p, item));
                }
                continue;
            }
            Object raw = p.descriptor().accessor().read(item);
            data.put(p.name(), p.localized() ? localized(raw, language) : edmValue(raw));
        }
        data.put(IoModel.INTEGRATION_KEY, store.integrationKey(entity.name(), item));
        data.put(ITEM, item);
        return data;
    }

    /** What a navigation property of {@code item} leads to: entries (helper types as maps, items as items). */
    public List<Object> navigate(EntityModel source, NavModel nav, Object item) {
        List<Object> result = new ArrayList<>();
        if (nav.kind() == NavModel.Kind.LOCALIZED) {
            Map<Locale, Map<String, Object>> byLanguage = new LinkedHashMap<>();
            for (PropertyModel p : source.properties()) {
                if (p.localized() && p.descriptor() != null && p.descriptor().accessor().read(item) instanceof Map<?, ?> texts) {
                    texts.forEach((k, v) -> byLanguage.computeIfAbsent(locale(k), l -> row("language", l.toLanguageTag()))
                            .put(p.name(), v == null ? null : v.toString()));
                }
            }
            result.addAll(byLanguage.values());
            return result;
        }
        Object raw = nav.descriptor() == null ? null : nav.descriptor().accessor().read(item);
        if (raw == null) {
            return result;
        }
        switch (nav.kind()) {
            case ITEM -> {
                if (raw instanceof Collection<?> c) {
                    c.stream().filter(java.util.Objects::nonNull).forEach(result::add);
                } else {
                    result.add(raw);
                }
            }
            case PRIMITIVES -> {
                Set<Object> seen = new LinkedHashSet<>();
                if (raw instanceof Collection<?> c) {
                    c.forEach(v -> seen.add(edmValue(v)));
                }
                seen.forEach(v -> result.add(row("value", v)));
            }
            case ENUM -> {
                for (Object value : raw instanceof Collection<?> c ? c : List.of(raw)) {
                    if (value != null) {
                        String code = String.valueOf(edmValue(value));
                        Map<String, Object> entry = row(IoModel.ENUM_CODE, code);
                        entry.put(IoModel.INTEGRATION_KEY, code);
                        result.add(entry);
                    }
                }
            }
            case MAP -> {
                if (raw instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> {
                        Map<String, Object> entry = row("key", String.valueOf(k));
                        entry.put("value", v == null ? null : String.valueOf(v));
                        result.add(entry);
                    });
                }
            }
            default -> { }
        }
        return result;
    }

    /** A virtual attribute's value as text (its Edm type), computed by the function of its logic location. */
    private @Nullable String virtual(PropertyModel p, Object item) {
        VirtualAttributeFunction function = model.virtualFunction(java.util.Objects.requireNonNull(p.attribute()));
        Object value = function == null ? null : function.compute(item);
        Object edm = edmValue(value);
        return edm instanceof Date d ? d.toInstant().toString() : edm == null ? null : edm.toString();
    }

    private static Map<String, Object> row(String key, Object value) {
        Map<String, Object> m = new HashMap<>();
        m.put(key, value);
        return m;
    }

    private static Locale locale(Object key) {
        return key instanceof Locale l ? l : Locale.forLanguageTag(String.valueOf(key));
    }

    /** The value of a localized attribute in {@code language} (falling back to the bare language), or null. */
    static @Nullable String localized(@Nullable Object raw, Locale language) {
        if (!(raw instanceof Map<?, ?> texts)) {
            return raw == null ? null : raw.toString();
        }
        for (Map.Entry<?, ?> e : texts.entrySet()) {
            Locale l = locale(e.getKey());
            if (l.equals(language) || l.getLanguage().equals(language.getLanguage()) && language.getCountry().isEmpty()) {
                return e.getValue() == null ? null : e.getValue().toString();
            }
        }
        return null;
    }

    /** A Java value as Olingo's Edm types take it. */
    static @Nullable Object edmValue(@Nullable Object raw) {
        if (raw == null || raw instanceof String || raw instanceof Boolean || raw instanceof Integer
                || raw instanceof Long || raw instanceof Double || raw instanceof Date) {
            return raw;
        }
        if (raw instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (raw instanceof BigInteger || raw instanceof Character) {
            return raw.toString();
        }
        if (raw instanceof Short s) {
            return s.intValue();
        }
        if (raw instanceof Byte b) {
            return b.intValue();
        }
        if (raw instanceof Float f) {
            return f.doubleValue();
        }
        if (raw instanceof Instant i) {
            return Date.from(i);
        }
        if (raw instanceof LocalDate d) {
            return Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (raw instanceof LocalDateTime d) {
            return Date.from(d.toInstant(ZoneOffset.UTC));
        }
        if (raw instanceof java.time.OffsetDateTime d) {
            return Date.from(d.toInstant());
        }
        if (raw instanceof java.time.ZonedDateTime d) {
            return Date.from(d.toInstant());
        }
        if (raw instanceof Enum<?> e) {
            return e.name();
        }
        if (raw instanceof TemporalAccessor) {
            return raw.toString();
        }
        return raw.toString();
    }
}
