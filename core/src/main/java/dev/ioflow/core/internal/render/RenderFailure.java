package dev.ioflow.core.internal.render;

import dev.ioflow.core.ItemRenderException;
import dev.ioflow.core.MissingKeyValueException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A failure deep in an item, travelling up the render stack. Each level it passes adds where it is
 * (attribute name, item code, collection index), so the hot path never builds a path unless something fails;
 * at the boundary {@link #toException(String)} turns it into the public {@link ItemRenderException}.
 */
public final class RenderFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Deque<String> segments = new ArrayDeque<>();
    private final boolean missingKey;

    private RenderFailure(String message, Throwable cause, boolean missingKey) {
        super(message, cause, false, false);
        this.missingKey = missingKey;
    }

    /** A key attribute has no value; {@code where} are the path segments from the item being keyed. */
    static RenderFailure missingKey(String[] where, int count) {
        return new RenderFailure(null, null, true).at(where, count);
    }

    /** Reading an attribute (or computing a virtual one) threw {@code cause}. */
    static RenderFailure unreadable(String[] where, int count, RuntimeException cause) {
        return new RenderFailure("cannot read the value: " + cause, cause, false).at(where, count);
    }

    /** A value was read but has no JSON form; the path is added as the failure travels up. */
    static RenderFailure unwritable(String message) {
        return new RenderFailure(message, null, false);
    }

    /** Reading the attribute {@code name} (or computing it, if virtual) threw {@code cause}. */
    static RenderFailure unreadable(String name, RuntimeException cause) {
        return unreadable(new String[] {name}, 1, cause);
    }

    /** Adds the segment the failure happened under (an attribute name or an item code). */
    RenderFailure within(String segment) {
        segments.addFirst(segment);
        return this;
    }

    /** Adds the collection index the failure happened at; joined to the attribute name as {@code name[i]}. */
    RenderFailure atIndex(int index) {
        segments.addFirst("[" + index + "]");
        return this;
    }

    /** Adds the first {@code count} segments of {@code where}, the path from the item the failure is in. */
    RenderFailure at(String[] where, int count) {
        for (int i = count - 1; i >= 0; i--) {
            segments.addFirst(where[i]);
        }
        return this;
    }

    /** The public exception, with the full path starting at the integration object's code. */
    public ItemRenderException toException(String integrationObject) {
        StringBuilder path = new StringBuilder(integrationObject);
        for (String segment : segments) {
            if (!segment.startsWith("[")) {
                path.append('/');
            }
            path.append(segment);
        }
        return missingKey ? new MissingKeyValueException(path.toString())
                : new ItemRenderException(path.toString(), getMessage(), getCause());
    }
}
