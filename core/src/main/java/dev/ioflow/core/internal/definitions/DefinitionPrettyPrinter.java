package dev.ioflow.core.internal.definitions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Indents definitions two spaces per level, one member per line, except objects marked
 * {@link #inlineNextObject() inline} (attributes), which stay on one line: {@code { "name": "code", "unique": true }}.
 * Line ends are always {@code \n}, so output does not depend on the platform. Holds state: one per document.
 */
final class DefinitionPrettyPrinter implements PrettyPrinter {
    private final Deque<Boolean> inline = new ArrayDeque<>();
    private boolean nextObjectInline;
    private int depth;

    /** The next object started, and everything in it, is written on one line. */
    void inlineNextObject() {
        nextObjectInline = true;
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator gen) throws IOException {
        open(gen, '{', nextObjectInline);
        nextObjectInline = false;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator gen) throws IOException {
        newLineOrSpace(gen);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator gen) throws IOException {
        writeArrayValueSeparator(gen);
    }

    @Override
    public void writeEndObject(JsonGenerator gen, int entries) throws IOException {
        close(gen, '}', entries);
    }

    @Override
    public void writeStartArray(JsonGenerator gen) throws IOException {
        open(gen, '[', false);
    }

    @Override
    public void beforeArrayValues(JsonGenerator gen) throws IOException {
        newLineOrSpace(gen);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw(',');
        newLineOrSpace(gen);
    }

    @Override
    public void writeEndArray(JsonGenerator gen, int values) throws IOException {
        close(gen, ']', values);
    }

    private void open(JsonGenerator gen, char bracket, boolean startsInline) throws IOException {
        inline.push(startsInline || isInline());
        depth++;
        gen.writeRaw(bracket);
    }

    private void close(JsonGenerator gen, char bracket, int entries) throws IOException {
        depth--;
        if (entries > 0) {
            newLineOrSpace(gen);
        }
        inline.pop();
        gen.writeRaw(bracket);
    }

    private boolean isInline() {
        return !inline.isEmpty() && inline.peek();
    }

    private void newLineOrSpace(JsonGenerator gen) throws IOException {
        if (isInline()) {
            gen.writeRaw(' ');
        } else {
            gen.writeRaw('\n');
            gen.writeRaw("  ".repeat(depth));
        }
    }
}
