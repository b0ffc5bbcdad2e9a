package dev.ioflow.core.internal.render;

import dev.ioflow.core.AttributeAccessor;
import dev.ioflow.core.internal.validation.KeyRule;
import org.jspecify.annotations.Nullable;

/**
 * One key attribute of an item, reached from the item through a chain of unique references:
 * {@code Product → catalogVersion → catalog → id} has the alias {@code Catalog_id}.
 */
final class KeyPart {
    final String alias;
    private final AttributeAccessor[] chain;
    /** Attribute names and item codes from the keyed item: {@code catalogVersion, CatalogVersion, catalog, Catalog, id}. */
    private final String[] path;
    /** Whether the last attribute {@linkplain KeyRule#mayBeNull may be null}; a null reference on the way never may. */
    private final boolean mayBeNull;

    KeyPart(String alias, AttributeAccessor[] chain, String[] path, boolean mayBeNull) {
        this.alias = alias;
        this.chain = chain;
        this.path = path;
        this.mayBeNull = mayBeNull;
    }

    /** Whether {@link #encoded} may return null. */
    boolean mayBeNull() {
        return mayBeNull;
    }

    /** The failure of a key without a value here. */
    RenderFailure missing() {
        return RenderFailure.missingKey(path, path.length);
    }

    /** Attribute names and item codes from the keyed item to this part's attribute. */
    java.util.List<String> path() {
        return java.util.List.of(path);
    }

    /**
     * The URL-encoded text of this part's value for {@code item}; null when the value is null and
     * {@linkplain KeyRule#mayBeNull may be}, which only the whole key can tell is allowed.
     *
     * @throws RenderFailure when a value on the way, or a value that may not be null, is null
     */
    @Nullable String encoded(Object item) {
        Object value = item;
        for (int i = 0; i < chain.length; i++) {
            try {
                value = chain[i].read(value);
            } catch (RuntimeException e) {
                throw RenderFailure.unreadable(path, 2 * i + 1, e);
            }
            if (value == null) {
                if (mayBeNull && i == chain.length - 1) {
                    return null;
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
