package dev.ioflow.core.internal.render;

/**
 * Computes an item's integration key the SAP way: the key parts ordered by their {@code ItemCode_attributeName}
 * alias, each value URL-encoded, joined with {@code |}. An item with a single key attribute of plain text gets
 * that text itself as its key, without a copy.
 */
final class KeyPlan {
    private final KeyPart[] parts;

    /** {@code parts} must already be in alias order. */
    KeyPlan(KeyPart[] parts) {
        this.parts = parts;
    }

    /** Each part's path from the keyed item (attribute names and nested item codes), in key order. */
    java.util.List<java.util.List<String>> paths() {
        java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>(parts.length);
        for (KeyPart part : parts) {
            paths.add(part.path());
        }
        return paths;
    }

    /**
     * The key of {@code item}.
     *
     * @throws RenderFailure when a key value is missing, with the path from the item
     */
    String compute(Object item) {
        KeyPart[] p = parts;
        if (p.length == 1) {
            return p[0].encoded(item);
        }
        StringBuilder key = new StringBuilder(16 * p.length);
        for (int i = 0; i < p.length; i++) {
            if (i > 0) {
                key.append('|');
            }
            key.append(p[i].encoded(item));
        }
        return key.toString();
    }
}
