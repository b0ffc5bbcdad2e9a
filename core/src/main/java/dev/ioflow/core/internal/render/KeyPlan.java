package dev.ioflow.core.internal.render;

import dev.ioflow.core.internal.validation.KeyRule;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Computes an item's integration key the SAP way: the key parts ordered by their {@code ItemCode_attributeName}
 * alias, each value URL-encoded, joined with {@code |}; a null value is keyed as {@value KeyRule#NULL_PART} where
 * {@link KeyRule} allows it. An item with a single key attribute of plain text gets that text itself as its key,
 * without a copy. {@link #values} reads a key back by the same rule.
 */
final class KeyPlan {
    private final KeyPart[] parts;

    /** {@code parts} must already be in alias order. */
    KeyPlan(KeyPart[] parts) {
        this.parts = parts;
    }

    /** Each part's path from the keyed item (attribute names and nested item codes), in key order. */
    List<List<String>> paths() {
        List<List<String>> paths = new ArrayList<>(parts.length);
        for (KeyPart part : parts) {
            paths.add(part.path());
        }
        return paths;
    }

    /**
     * The key of {@code item}.
     *
     * @throws RenderFailure when a key value is missing ({@link KeyRule}), with the path from the item: the
     *                       first part's when no part has a value
     */
    String compute(Object item) {
        KeyPart[] p = parts;
        if (p.length == 1) {
            String only = p[0].encoded(item);
            if (only != null) {
                return only;
            }
        }
        StringBuilder key = new StringBuilder(16 * p.length);
        int nulls = 0;
        for (int i = 0; i < p.length; i++) {
            if (i > 0) {
                key.append('|');
            }
            String text = p[i].encoded(item);
            if (text == null) {
                nulls++;
                text = KeyRule.NULL_PART;
            }
            key.append(text);
        }
        if (!KeyRule.hasValue(p.length, nulls)) {
            throw p[0].missing();
        }
        return key.toString();
    }

    /**
     * The values of a key's parts, given their decoded texts in key order, as {@link #compute} wrote them: the
     * text {@value KeyRule#NULL_PART} of a part that {@linkplain KeyRule#mayBeNull may be null} is null, unless
     * that leaves no part a value (such a key is never computed, so it holds the text). Like SAP's, a key cannot
     * tell a null value beside a value from the text "null".
     */
    List<@Nullable String> values(List<String> texts) {
        List<@Nullable String> values = new ArrayList<>(texts);
        int nulls = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].mayBeNull() && texts.get(i).equals(KeyRule.NULL_PART)) {
                values.set(i, null);
                nulls++;
            }
        }
        return KeyRule.hasValue(parts.length, nulls) ? values : texts;
    }
}
