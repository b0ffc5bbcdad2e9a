package dev.ioflow.core.internal.definitions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.ClassAttributeAssignment;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.IntegrationType;
import dev.ioflow.core.ItemTypeMatch;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes integration objects in the JSON definition format, leaving out every value that equals its default,
 * with members in a fixed order so that equal definitions give equal text.
 */
public final class JsonDefinitionWriter {
    private final JsonFactory factory;

    /** A writer using this factory's generators. */
    public JsonDefinitionWriter(JsonFactory factory) {
        this.factory = factory;
    }

    /** One integration object as the top-level object. */
    public String write(IntegrationObject io) {
        return document(generator -> integrationObject(generator, io));
    }

    /** A document {@code {"integrationObjects": [...]}}. */
    public String write(List<IntegrationObject> ios) {
        return document(generator -> {
            generator.writeStartObject();
            array(generator, JsonDefinitionBinder.INTEGRATION_OBJECTS, ios, JsonDefinitionWriter::integrationObject);
            generator.writeEndObject();
        });
    }

    /** Writes a document's content with the generator. */
    private interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    /** Writes one element of an array. */
    private interface ElementWriter<T> {
        void write(JsonGenerator generator, T element) throws IOException;
    }

    private static <T> void array(JsonGenerator generator, String name, List<T> elements, ElementWriter<T> writer)
            throws IOException {
        generator.writeArrayFieldStart(name);
        for (T element : elements) {
            writer.write(generator, element);
        }
        generator.writeEndArray();
    }

    private String document(Body body) {
        StringWriter out = new StringWriter();
        DefinitionPrettyPrinter printer = new DefinitionPrettyPrinter();
        try (JsonGenerator generator = factory.createGenerator(out)) {
            generator.setPrettyPrinter(printer);
            body.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        return out.append('\n').toString();
    }

    private static void integrationObject(JsonGenerator generator, IntegrationObject io) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("code", io.code());
        unlessDefault(generator, "integrationType", io.integrationType().name(), IntegrationType.INBOUND.name());
        array(generator, "items", io.items(), JsonDefinitionWriter::item);
        generator.writeEndObject();
    }

    private static void item(JsonGenerator generator, IntegrationObjectItem item) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("code", item.code());
        unlessDefault(generator, "type", item.type(), item.code());
        flag(generator, "root", item.root());
        unlessDefault(generator, "itemTypeMatch", item.itemTypeMatch().name(), ItemTypeMatch.ALL_SUB_AND_SUPER_TYPES.name());
        array(generator, "attributes", item.attributes(), JsonDefinitionWriter::attribute);
        generator.writeEndObject();
    }

    private static void attribute(JsonGenerator generator, IntegrationObjectAttribute attribute) throws IOException {
        // Attributes are short: one per line reads like a table.
        ((DefinitionPrettyPrinter) generator.getPrettyPrinter()).inlineNextObject();
        generator.writeStartObject();
        generator.writeStringField("name", attribute.name());
        String defaultSource = attribute.isVirtual() || attribute.isClassification() ? null : attribute.name();
        if (attribute.source() == null && defaultSource != null) {
            generator.writeNullField("source");
        } else if (attribute.source() != null && !attribute.source().equals(defaultSource)) {
            generator.writeStringField("source", attribute.source());
        }
        if (attribute.descriptorType() != null) {
            generator.writeStringField("descriptorType", attribute.descriptorType());
        }
        if (attribute.returnItem() != null) {
            generator.writeStringField("item", attribute.returnItem());
        }
        flag(generator, "unique", attribute.unique());
        flag(generator, "autoCreate", attribute.autoCreate());
        flag(generator, "partOf", attribute.partOf());
        ClassAttributeAssignment classification = attribute.classification();
        if (classification != null) {
            generator.writeObjectFieldStart("classification");
            generator.writeStringField("system", classification.system());
            generator.writeStringField("version", classification.version());
            generator.writeStringField("classCode", classification.classCode());
            generator.writeStringField("attributeCode", classification.attributeCode());
            generator.writeEndObject();
        }
        if (attribute.isVirtual()) {
            generator.writeStringField("virtual", attribute.logicLocation());
        }
        generator.writeEndObject();
    }

    private static void unlessDefault(JsonGenerator generator, String name, String value, String defaultValue)
            throws IOException {
        if (!value.equals(defaultValue)) {
            generator.writeStringField(name, value);
        }
    }

    private static void flag(JsonGenerator generator, String name, boolean value) throws IOException {
        if (value) {
            generator.writeBooleanField(name, true);
        }
    }
}
