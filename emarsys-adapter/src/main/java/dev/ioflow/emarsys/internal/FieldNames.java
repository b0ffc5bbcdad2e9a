package dev.ioflow.emarsys.internal;

import dev.ioflow.emarsys.EmarsysField;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Finds Emarsys fields by name, and names close to a misspelt one for error messages. */
public final class FieldNames {

    private final List<EmarsysField> fields;

    /** Over the account's fields. */
    public FieldNames(List<EmarsysField> fields) {
        this.fields = List.copyOf(fields);
    }

    /**
     * The field with this display name or technical {@code string_id}: an exact match first, then the only match
     * ignoring case; null when there is none (or several ignoring case).
     */
    public @Nullable EmarsysField find(String name) {
        for (EmarsysField f : fields) {
            if (name.equals(f.name()) || name.equals(f.stringId())) {
                return f;
            }
        }
        List<EmarsysField> folded = fields.stream()
                .filter(f -> name.equalsIgnoreCase(f.name()) || name.equalsIgnoreCase(f.stringId())).toList();
        return folded.size() == 1 ? folded.get(0) : null;
    }

    /** Up to five field names close to {@code name} (small edit distance, or one contains the other). */
    public List<String> closeTo(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        int maxDistance = Math.max(2, wanted.length() / 3);
        return fields.stream()
                .map(EmarsysField::name)
                .filter(n -> n != null && !n.isEmpty())
                .distinct()
                .filter(n -> {
                    String candidate = n.toLowerCase(Locale.ROOT);
                    return candidate.contains(wanted) || wanted.contains(candidate)
                            || distance(candidate, wanted) <= maxDistance;
                })
                .sorted(Comparator.comparingInt(n -> distance(n.toLowerCase(Locale.ROOT), wanted)))
                .limit(5)
                .toList();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
