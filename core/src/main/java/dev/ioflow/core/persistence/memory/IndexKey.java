package dev.ioflow.core.persistence.memory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The hash key of an attribute value in an {@link AttributeIndex}: two indexable values have equal keys exactly when
 * {@link ItemMatcher#same} finds them equal (numbers by value whatever their class, everything else by
 * {@code equals}). Values the matcher compares otherwise (stored items, localized text, collections…) have no key:
 * lookups by them scan, and stored items holding them stay candidates of every lookup.
 */
final class IndexKey {
    /** The key of {@code null} (an absent value). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private IndexKey() {
    }

    /** The key of {@code value}, or null when it cannot be indexed. */
    static @Nullable Object of(@Nullable Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Character || value instanceof Enum<?>
                || value instanceof UUID || value instanceof TemporalAccessor) {
            return value;
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        if (value instanceof BigInteger b) {
            return new BigDecimal(b).stripTrailingZeros();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue()).stripTrailingZeros();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(value.toString()).stripTrailingZeros() : null;
        }
        return null;
    }
}
