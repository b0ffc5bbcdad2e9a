package dev.ioflow.core;

/**
 * An item could not be rendered for an integration object: a key value is missing, a nested item has a
 * type the definition does not expect, a virtual function failed. The message and {@link #path()} say where,
 * e.g. {@code ioProduct/Product/catalogVersion/CatalogVersion/version}.
 *
 * @since 0.1
 */
public class ItemRenderException extends IoflowException {
    private static final long serialVersionUID = 1L;
    private final String path;

    /** For a problem at {@code path}. */
    public ItemRenderException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    /** For a problem at {@code path} caused by {@code cause}. */
    public ItemRenderException(String path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = path;
    }

    /** Where in the item the problem is. */
    public String path() {
        return path;
    }
}
