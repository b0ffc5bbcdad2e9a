package dev.ioflow.core.internal.types;

import dev.ioflow.core.AttributeWriter;
import dev.ioflow.core.ItemFactory;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** An {@link ItemFactory} over a constructor and one writer per attribute; updates happen in place. */
public final class MutableItemFactory implements ItemFactory {
    private final Supplier<?> constructor;
    private final Map<String, AttributeWriter> writers;

    /** Writers by attribute name. */
    public MutableItemFactory(Supplier<?> constructor, Map<String, AttributeWriter> writers) {
        this.constructor = Objects.requireNonNull(constructor, "constructor");
        this.writers = Map.copyOf(writers);
    }

    @Override
    public boolean writable(String attribute) {
        return writers.containsKey(attribute);
    }

    @Override
    public Object create(Map<String, ? extends @Nullable Object> values) {
        return update(Objects.requireNonNull(constructor.get(), "the constructor returned null"), values);
    }

    @Override
    public Object update(Object item, Map<String, ? extends @Nullable Object> values) {
        values.forEach((name, value) -> {
            AttributeWriter writer = writers.get(name);
            if (writer == null) {
                throw new IllegalArgumentException("attribute '" + name + "' cannot be written");
            }
            writer.write(item, value);
        });
        return item;
    }
}
