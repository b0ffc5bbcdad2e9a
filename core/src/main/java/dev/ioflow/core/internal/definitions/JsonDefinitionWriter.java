package dev.ioflow.core.internal.definitions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ioflow.core.IntegrationObject;
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
            generator.writeArrayFieldStart(JsonDefinitionBinder.INTEGRATION_OBJECTS);
            for (IntegrationObject io : ios) {
                integrationObject(generator, io);
            }
            generator.writeEndArray();
            generator.writeEndObject();
        });
    }

    /** Writes a document's content with the generator. */
    private interface Body {
        void write(JsonGenerator generator) throws IOException;
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
        if (io.integrationType() != IntegrationType.INBOUND) {
            generator.writeStringField("integrationType", io.integrationType().name());
        }
        generator.writeArrayFieldStart("items");
        for (IntegrationObjectItem item : io.items()) {
            item(generator, item);
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private static void item(JsonGenerator generator, IntegrationObjectItem item) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("code", item.code());
        if (!item.type().equals(item.code())) {
            generator.writeStringField("type", item.type());
        }
        if (item.root()) {
            generator.writeBooleanField("root", true);
        }
        if (item.itemTypeMatch() != ItemTypeMatch.ALL_SUB_AND_SUPER_TYPES) {
            generator.writeStringField("itemTypeMatch", item.itemTypeMatch().name());
        }
        generator.writeArrayFieldStart("attributes");
        for (IntegrationObjectAttribute attribute : item.attributes()) {
            // Attributes are short: one per line reads like a table.
            ((DefinitionPrettyPrinter) generator.getPrettyPrinter()).inlineNextObject();
            attribute(generator, attribute);
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private static void attribute(JsonGenerator generator, IntegrationObjectAttribute attribute) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("name", attribute.name());
        String defaultSource = attribute.isVirtual() ? null : attribute.name();
        if (attribute.source() == null && defaultSource != null) {
            generator.writeNullField("source");
        } else if (attribute.source() != null && !attribute.source().equals(defaultSource)) {
            generator.writeStringField("source", attribute.source());
        }
        if (attribute.returnItem() != null) {
            generator.writeStringField("item", attribute.returnItem());
        }
        flag(generator, "unique", attribute.unique());
        flag(generator, "autoCreate", attribute.autoCreate());
        flag(generator, "partOf", attribute.partOf());
        if (attribute.isVirtual()) {
            generator.writeStringField("virtual", attribute.logicLocation());
        }
        generator.writeEndObject();
    }

    private static void flag(JsonGenerator generator, String name, boolean value) throws IOException {
        if (value) {
            generator.writeBooleanField(name, true);
        }
    }
}
