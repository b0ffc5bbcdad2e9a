package dev.ioflow.core.internal.definitions;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ImpEx macros: {@code $name=value} lines define them; later text has each {@code $name} replaced by its value.
 * At a {@code $}, the longest defined name wins ({@code $item} and {@code $itemType} may both exist); an
 * undefined {@code $name} stays as written. A value may use macros defined before it.
 */
final class ImpexMacros {
    private static final Pattern DEFINITION = Pattern.compile("\\$([A-Za-z0-9_.\\-]+)\\s*=(.*)", Pattern.DOTALL);

    /** Longest names first, so that a name never shadows a longer one it prefixes. */
    private final Map<String, String> values =
            new TreeMap<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

    /** Whether a line (starting at its first non-blank character) defines a macro. */
    static boolean isDefinition(String line) {
        return DEFINITION.matcher(line).matches();
    }

    /** Defines the macro of a definition line. */
    void define(String line) {
        Matcher m = DEFINITION.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a macro definition: " + line);
        }
        values.put(m.group(1), expand(m.group(2).strip()));
    }

    /** The text with every defined macro replaced. */
    String expand(String text) {
        if (values.isEmpty() || text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            String name = text.charAt(i) == '$' ? definedNameAt(text, i + 1) : null;
            if (name == null) {
                out.append(text.charAt(i++));
            } else {
                out.append(values.get(name));
                i += 1 + name.length();
            }
        }
        return out.toString();
    }

    private String definedNameAt(String text, int from) {
        for (String name : values.keySet()) {
            if (text.startsWith(name, from)) {
                return name;
            }
        }
        return null;
    }
}
