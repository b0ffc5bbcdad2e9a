package dev.ioflow.core;

import static dev.ioflow.core.DefinitionFixtures.everything;
import static dev.ioflow.core.DefinitionFixtures.file;
import static dev.ioflow.core.DefinitionFixtures.ioCustomer;
import static dev.ioflow.core.DefinitionFixtures.ioProduct;
import static dev.ioflow.core.DefinitionFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class IntegrationObjectJsonTest {
    private final IntegrationObjectJson json = IntegrationObjectJson.create();

    @Test
    void readsTheSeedDefinition() {
        assertThat(json.read(file("ioCustomer.json"))).containsExactly(ioCustomer());
    }

    @Test
    void readsAMultiItemDefinitionWithNestedItems() {
        assertThat(json.read(file("ioProduct.json"))).containsExactly(ioProduct());
    }

    @Test
    void fillsInDefaultsForAbsentProperties() {
        IntegrationObject io = json.readOne("""
                { "code": "ioCustomer", "items": [ { "code": "Customer", "attributes": [ { "name": "contactEmail" } ] } ] }""");

        IntegrationObjectItem item = io.items().get(0);
        assertThat(io.integrationType()).isEqualTo(IntegrationType.INBOUND);
        assertThat(item.type()).isEqualTo("Customer");
        assertThat(item.root()).isFalse();
        assertThat(item.itemTypeMatch()).isEqualTo(ItemTypeMatch.ALL_SUB_AND_SUPER_TYPES);
        assertThat(item.attributes()).containsExactly(
                IntegrationObjectAttribute.builder("contactEmail").build());
    }

    @Test
    void readsTheDocumentedExample() {
        IntegrationObject io = json.readOne("""
                { "integrationObjects": [ {
                    "code": "ioCustomer", "integrationType": "INBOUND",
                    "items": [ { "code": "Customer", "type": "Customer", "root": true, "itemTypeMatch": "ALL_SUB_AND_SUPER_TYPES",
                        "attributes": [
                          { "name": "customerID", "source": "customerID", "unique": true },
                          { "name": "contactEmail" },
                          { "name": "defaultAddress", "source": "defaultPaymentAddress", "item": "Address", "autoCreate": true, "partOf": true },
                          { "name": "fullName", "virtual": "model://fullName" } ] } ] } ] }""");

        assertThat(io.items().get(0).attributes()).containsExactly(
                IntegrationObjectAttribute.builder("customerID").unique().build(),
                IntegrationObjectAttribute.builder("contactEmail").build(),
                IntegrationObjectAttribute.builder("defaultAddress").source("defaultPaymentAddress").autoCreate(true).partOf(true).item("Address").build(),
                IntegrationObjectAttribute.builder("fullName").logicLocation("model://fullName").build());
    }

    @Test
    void acceptsAnArrayOfIntegrationObjectsAtTopLevel() {
        List<IntegrationObject> ios = json.read("""
                [ { "code": "ioA", "items": [] }, { "code": "ioB", "integrationType": "OUTBOUND" } ]""");

        assertThat(ios).containsExactly(IntegrationObject.builder("ioA").build(),
                IntegrationObject.builder("ioB").integrationType(IntegrationType.OUTBOUND).build());
    }

    @Test
    void treatsNullAsAbsentExceptForSource() {
        IntegrationObject io = json.readOne("""
                { "code": "io", "integrationType": null, "items": [ { "code": "A", "root": null,
                  "attributes": [ { "name": "a", "unique": null }, { "name": "b", "source": null } ] } ] }""");

        assertThat(io.items().get(0).attributes()).containsExactly(
                IntegrationObjectAttribute.builder("a").build(),
                IntegrationObjectAttribute.builder("b").source(null).build());
    }

    @Test
    void writeThenReadGivesAnEqualDefinition() {
        assertThat(json.read(json.write(List.of(everything(), ioProduct())))).containsExactly(everything(), ioProduct());
    }

    @Test
    void writesASingleIntegrationObjectAsTheTopLevelObject() {
        String written = json.write(everything());

        assertThat(written).startsWith("{\n  \"code\": \"ioEverything\",");
        assertThat(json.readOne(written)).isEqualTo(everything());
    }

    @Test
    void readWriteReadGivesAnEqualDefinition() {
        List<IntegrationObject> first = json.read(text("ioProduct.json"));

        assertThat(json.read(json.write(first))).isEqualTo(first);
    }

    @Test
    void writesPrettyPrintedWithDefaultsLeftOutAndOneAttributePerLine() {
        assertThat(json.write(List.of(ioCustomer()))).isEqualTo(text("ioCustomer.json"));
        assertThat(json.write(List.of(ioProduct()))).isEqualTo(text("ioProduct.json"));
    }

    @Test
    void writesEveryNonDefaultValueInAFixedOrder() {
        assertThat(json.write(everything())).isEqualTo("""
                {
                  "code": "ioEverything",
                  "integrationType": "OUTBOUND",
                  "items": [
                    {
                      "code": "Customer",
                      "type": "B2BCustomer",
                      "root": true,
                      "itemTypeMatch": "RESTRICT_TO_ITEM_TYPE",
                      "attributes": [
                        { "name": "customerID", "source": "uid", "unique": true },
                        { "name": "defaultAddress", "source": "defaultPaymentAddress", "item": "Address", "autoCreate": true, "partOf": true },
                        { "name": "fullName", "virtual": "model://fullName" },
                        { "name": "noSource", "source": null }
                      ]
                    },
                    {
                      "code": "Address",
                      "itemTypeMatch": "ALL_SUBTYPES",
                      "attributes": [
                        { "name": "line1", "unique": true },
                        { "name": "quoted \\"name\\"", "source": "ünïcode/line" }
                      ]
                    }
                  ]
                }
                """);
    }

    @Test
    void writesEmptyListsCompactly() {
        assertThat(json.write(IntegrationObject.builder("io").build()))
                .isEqualTo("{\n  \"code\": \"io\",\n  \"items\": []\n}\n");
        assertThat(json.write(List.of())).isEqualTo("{\n  \"integrationObjects\": []\n}\n");
    }

    @Test
    void readsFromAReaderWithoutClosingIt() {
        AtomicBoolean closed = new AtomicBoolean();
        Reader reader = new StringReader(text("ioCustomer.json")) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        assertThat(json.read(reader, "inline.json")).containsExactly(ioCustomer());
        assertThat(closed).isFalse();
    }

    @Test
    void acceptsAByteOrderMark() {
        assertThat(json.read("\uFEFF" + text("ioCustomer.json"))).containsExactly(ioCustomer());
    }
}
