package dev.ioflow.core.internal.definitions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One header column: its attribute expression and its modifiers, e.g.
 * {@code integrationObject(code)[unique=true]} or {@code root[default=false]}.
 *
 * @param expression the attribute expression without blanks, e.g. {@code integrationObject(code)}
 * @param modifiers  the modifiers by lower-case name, values unquoted
 * @param at         where the column is written
 */
record ImpexColumn(String expression, Map<String, String> modifiers, ImpexValue at) {

    /** Modifiers that do not change what a definition means, and {@code default}, which the importer applies. */
    private static final Set<String> KNOWN_MODIFIERS = Set.of("unique", "default", "allownull", "forcewrite", "ignorenull");

    /** The column written in a header value, or empty (with a problem) when it is malformed. */
    static Optional<ImpexColumn> parse(ImpexValue value, Problems problems) {
        String text = value.text().strip();
        int bracket = modifierStart(text);
        if (bracket >= 0 && !text.endsWith("]")) {
            problems.impex(value.line(), value.column(), "malformed column '" + text + "': the '[' of its modifiers is not closed");
            return Optional.empty();
        }
        String expression = (bracket < 0 ? text : text.substring(0, bracket)).replaceAll("\\s+", "");
        Map<String, String> modifiers = new LinkedHashMap<>();
        if (bracket >= 0) {
            // A macro that ends in modifiers may be followed by more: code[unique=true][default=x].
            String list = text.substring(bracket + 1, text.length() - 1).replaceAll("]\\s*\\[", ",");
            for (String modifier : splitOutsideQuotes(list)) {
                if (!addModifier(modifier, modifiers, value, problems)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new ImpexColumn(expression, modifiers, value));
    }

    /** The {@code default} modifier's value, if any. */
    Optional<String> defaultValue() {
        return Optional.ofNullable(modifiers.get("default"));
    }

    /** The column as written, for messages. */
    String written() {
        return at.text();
    }

    private static boolean addModifier(String modifier, Map<String, String> modifiers, ImpexValue value, Problems problems) {
        int equals = modifier.indexOf('=');
        if (equals < 0) {
            problems.impex(value.line(), value.column(), "malformed modifier '" + modifier.strip() + "' in column '"
                    + value.text() + "': expected name=value");
            return false;
        }
        String name = modifier.substring(0, equals).strip().toLowerCase(Locale.ROOT);
        if (!KNOWN_MODIFIERS.contains(name)) {
            problems.impex(value.line(), value.column(), "unsupported modifier '" + modifier.substring(0, equals).strip()
                    + "' in column '" + value.text() + "'; supported: unique, default, allownull, forceWrite, ignorenull");
            return false;
        }
        modifiers.put(name, unquote(modifier.substring(equals + 1).strip()));
        return true;
    }

    /** The index of the {@code [} that opens the modifiers: the first one outside parentheses. */
    private static int modifierStart(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '[' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitOutsideQuotes(String list) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        char quote = 0;
        for (char c : list.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ',') {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String text) {
        boolean quoted = text.length() >= 2 && (text.charAt(0) == '\'' || text.charAt(0) == '"')
                && text.charAt(text.length() - 1) == text.charAt(0);
        return quoted ? text.substring(1, text.length() - 1) : text;
    }
}
