package dev.ioflow.core.internal.definitions;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ImpEx macros: {@code $name=value} lines define them; later text has each {@code $name} replaced by its value.
 * At a {@code $}, the longest defined name wins ({@code $item} and {@code $itemType} may both exist); an
 * undefined {@code $name} stays as written. A value may use macros defined before it.
 *
 * <p>Expansion is bounded, so that a small hostile file (ten macros each using the one before ten times) cannot
 * exhaust the heap: macros may nest at most {@value #MAX_DEPTH} levels deep (a macro counts as one level, a
 * macro using it as two), and all expansions of one
 * file together may insert at most {@value #MAX_EXPANDED_CHARS} characters. Beyond either, a {@link LimitException}.
 */
final class ImpexMacros {
    /** The most levels macros may nest: {@code $a=x} is one level, {@code $b=$a$a} two, {@code $c=$b$b} three. */
    static final int MAX_DEPTH = 16;
    /** The most characters that macro expansion may insert into one file, all expansions together. */
    static final int MAX_EXPANDED_CHARS = 4 * 1024 * 1024;
    private static final Pattern DEFINITION = Pattern.compile("\\$([A-Za-z0-9_.\\-]+)\\s*=(.*)", Pattern.DOTALL);

    /** Macro expansion went beyond a bound: the message says which. */
    static final class LimitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitException(String message) {
            super(message, null, false, false);
        }
    }

    /** Longest names first, so that a name never shadows a longer one it prefixes. */
    private final Map<String, String> values =
            new TreeMap<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    /** How many levels of macros each macro's value builds on, counting itself. */
    private final Map<String, Integer> depths = new HashMap<>();
    private long expandedChars;
    /** The deepest macro the last {@link #expand} inserted (0 when none). */
    private int lastDepth;

    /** Whether a line (starting at its first non-blank character) defines a macro. */
    static boolean isDefinition(String line) {
        return DEFINITION.matcher(line).matches();
    }

    /**
     * Defines the macro of a definition line.
     *
     * @throws LimitException when the macro builds on too many levels of macros, or expanding it inserts too much
     */
    void define(String line) {
        Matcher m = DEFINITION.matcher(line);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a macro definition: " + line);
        }
        String name = m.group(1);
        String value = expand(m.group(2).strip());
        int depth = lastDepth + 1;
        if (depth > MAX_DEPTH) {
            throw new LimitException("macro $" + name + " nests " + depth + " levels of macros (a macro using a macro"
                    + " using a macro…): at most " + MAX_DEPTH + " are allowed");
        }
        values.put(name, value);
        depths.put(name, depth);
    }

    /**
     * The text with every defined macro replaced.
     *
     * @throws LimitException when the file's expansions together would insert more than {@value #MAX_EXPANDED_CHARS}
     *                        characters
     */
    String expand(String text) {
        lastDepth = 0;
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
                String value = values.get(name);
                expandedChars += value.length();
                if (expandedChars > MAX_EXPANDED_CHARS) {
                    throw new LimitException("expanding $" + name + " takes macro expansion in this file beyond "
                            + MAX_EXPANDED_CHARS + " characters (do macros use each other many times over?)");
                }
                lastDepth = Math.max(lastDepth, depths.get(name));
                out.append(value);
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
