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

    KeyPart(String alias, AttributeAccessor[] chain, String[] path) {
        this.alias = alias;
        this.chain = chain;
        this.path = path;
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
