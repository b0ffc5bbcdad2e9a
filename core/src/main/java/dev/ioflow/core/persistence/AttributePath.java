package dev.ioflow.core.persistence;

import java.util.List;
import java.util.Objects;

/**
 * An attribute of an item or, through a reference attribute, of the item it references:
 * {@code code}, {@code catalogVersion/version}. In {@link IntegrationObjectStore} queries the names are payload
 * names and the last segment may be {@code integrationKey} ({@code catalogVersion/integrationKey}); at the
 * {@link UnitOfWork} they are the type's attribute names.
 *
 * @param segments the attribute names, first the item's own
 * @since 1.0
 */
public record AttributePath(List<String> segments) {

    /** Copies the segments; at least one, none blank. */
    public AttributePath {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("an attribute path needs non-blank segments: " + segments);
        }
    }

    /** Parses {@code a/b}: segments separated by {@code /}. */
    public static AttributePath parse(String path) {
        Objects.requireNonNull(path, "path");
        return new AttributePath(List.of(path.split("/", -1)));
    }

    /** A path of these segments. */
    public static AttributePath of(String... segments) {
        return new AttributePath(List.of(segments));
    }

    /** The first segment: an attribute of the item itself. */
    public String first() {
        return segments.get(0);
    }

    /** Whether the path goes through a reference ({@code a/b}). */
    public boolean isNested() {
        return segments.size() > 1;
    }

    @Override
    public String toString() {
        return String.join("/", segments);
    }
}
