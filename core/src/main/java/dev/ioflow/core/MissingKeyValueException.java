package dev.ioflow.core;

/**
 * An item has no value for one of its key (unique) attributes, so it has no integration key.
 * ioflow never renders a silent {@code null} key.
 *
 * @since 0.1
 */
public final class MissingKeyValueException extends ItemRenderException {
    private static final long serialVersionUID = 1L;

    /** For the key attribute at {@code path}. */
    public MissingKeyValueException(String path) {
        super(path, "key attribute has no value, so the item has no integration key");
    }
}
