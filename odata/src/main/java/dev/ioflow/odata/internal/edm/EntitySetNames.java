package dev.ioflow.odata.internal.edm;

import java.util.Locale;

/**
 * SAP's entity-set names: the English plural of the item code (Product → Products, Category → Categories,
 * Address → Addresses, Localized___Product → Localized___Products).
 */
public final class EntitySetNames {
    private EntitySetNames() {
    }

    /** The plural of {@code code}: consonant + y → ies; s, x, z, ch, sh → + es; otherwise + s. */
    public static String plural(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        int n = code.length();
        if (n >= 2 && lower.endsWith("y") && "aeiou".indexOf(lower.charAt(n - 2)) < 0) {
            return code.substring(0, n - 1) + "ies";
        }
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch") || lower.endsWith("sh")) {
            return code + "es";
        }
        return code + "s";
    }
}
