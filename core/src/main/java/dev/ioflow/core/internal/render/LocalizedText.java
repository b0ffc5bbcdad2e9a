package dev.ioflow.core.internal.render;

import java.util.Locale;
import java.util.Map;

/** Reading localized text: maps keyed by {@link Locale} or by language tag. */
final class LocalizedText {
    private LocalizedText() {
    }

    /** The language tag of a localized map's key (or the text of any other map key). */
    static String tag(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Locale l) {
            return l.toLanguageTag();
        }
        if (key instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(key);
    }

    /**
     * The value for {@code locale}: the entry with its exact language tag, else the entry with the smallest tag
     * of the same language (so {@code en} finds {@code en-GB} when there is no plain {@code en}), else null.
     */
    static Object lookup(Map<?, ?> text, Locale locale) {
        String wanted = locale.toLanguageTag();
        String language = locale.getLanguage();
        String bestTag = null;
        Object best = null;
        for (Map.Entry<?, ?> entry : text.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            String tag = tag(entry.getKey());
            if (tag.equals(wanted)) {
                return entry.getValue();
            }
            if (Locale.forLanguageTag(tag).getLanguage().equals(language) && (bestTag == null || tag.compareTo(bestTag) < 0)) {
                bestTag = tag;
                best = entry.getValue();
            }
        }
        return best;
    }
}
