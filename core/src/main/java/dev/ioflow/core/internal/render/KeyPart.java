package dev.ioflow.core.internal.render;

import dev.ioflow.core.AttributeAccessor;

/**
 * One key attribute of an item, reached from the item through a chain of unique references:
 * {@code Product → catalogVersion → catalog → id} has the alias {@code Catalog_id}.
 */
final class KeyPart {
    final String alias;
    private final AttributeAccessor[] chain;
    /** Attribute names and item codes from the keyed item: {@code catalogVersion, CatalogVersion, catalog, Catalog, id}. */
    private final String[] path;
    /** Whether a null value of the last attribute renders as {@link IntegrationKeys#NULL_PART}; a null reference on the way never does. */
    private final boolean nullable;

    KeyPart(String alias, AttributeAccessor[] chain, String[] path, boolean nullable) {
        this.alias = alias;
        this.chain = chain;
        this.path = path;
        this.nullable = nullable;
    }

    /** Attribute names and item codes from the keyed item to this part's attribute. */
    java.util.List<String> path() {
        return java.util.List.of(path);
    }

    /** The URL-encoded text of this part's value for {@code item}. */
    String encoded(Object item) {
        Object value = item;
        for (int i = 0; i < chain.length; i++) {
            try {
                value = chain[i].read(value);
            } catch (RuntimeException e) {
                throw RenderFailure.unreadable(path, 2 * i + 1, e);
            }
            if (value == null) {
                if (nullable && i == chain.length - 1) {
                    return IntegrationKeys.NULL_PART;
                }
                throw RenderFailure.missingKey(path, 2 * i + 1);
            }
        }
        try {
            return KeyValues.encoded(value);
        } catch (RenderFailure failure) {
            throw failure.at(path, path.length);
        }
    }
}
