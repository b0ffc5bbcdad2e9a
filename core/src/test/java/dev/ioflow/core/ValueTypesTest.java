package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    private static final PayloadHash HASH = new PayloadHash(1, 2);

    @Test
    void aPayloadCopiesItsBytesInAndOut() {
        byte[] bytes = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Payload payload = Payload.of("io", "k", bytes, HASH);
        bytes[0] = 'X';
        payload.json()[1] = 'Y';

        assertThat(payload.jsonString()).isEqualTo("{\"a\":1}");
        assertThat(payload.length()).isEqualTo(7);
    }

    @Test
    void aPayloadIsReadWithoutACopyThroughAReadOnlyBufferOrAStream() throws Exception {
        Payload payload = Payload.of("io", "k", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), HASH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        payload.writeTo(out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(StandardCharsets.UTF_8.decode(payload.jsonBuffer()).toString()).isEqualTo("{\"a\":1}");
        assertThatThrownBy(() -> payload.jsonBuffer().put((byte) 'X')).isInstanceOf(ReadOnlyBufferException.class);
        assertThat(payload.jsonString()).isEqualTo("{\"a\":1}");
    }

    @Test
    void newBuilderCopiesADefinitionThatCanThenBeChanged() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()).attribute("contactEmail"))
                .build();

        IntegrationObject same = io.newBuilder().build();
        IntegrationObject outbound = io.newBuilder().integrationType(IntegrationType.OUTBOUND).build();
        IntegrationObjectItem customer = io.rootItem().newBuilder().attribute("name").build();
        IntegrationObjectAttribute email = io.rootItem().attribute("contactEmail");
        IntegrationObjectAttribute renamed = email.newBuilder().source("mail").build();

        assertThat(same).isEqualTo(io).hasSameHashCodeAs(io);
        assertThat(outbound.integrationType()).isEqualTo(IntegrationType.OUTBOUND);
        assertThat(outbound.items()).isEqualTo(io.items());
        assertThat(customer.attributes()).extracting(IntegrationObjectAttribute::name)
                .containsExactly("customerID", "contactEmail", "name");
        assertThat(renamed.source()).isEqualTo("mail");
        assertThat(renamed.name()).isEqualTo("contactEmail");
        assertThat(io.item("Order")).isNull();
        assertThat(io.rootItem().attribute("missing")).isNull();
    }

    @Test
    void aVirtualAttributeHasNoSourceAndBlankOptionalValuesAreAbsent() {
        IntegrationObjectAttribute virtual = IntegrationObjectAttribute.builder("fullName").logicLocation("model://fullName").build();
        IntegrationObjectAttribute blank = IntegrationObjectAttribute.builder("a").source(" ").item("").build();

        assertThat(virtual.isVirtual()).isTrue();
        assertThat(virtual.source()).isNull();
        assertThat(blank.source()).isNull();
        assertThat(blank.isNested()).isFalse();
    }

    @Test
    void anAttributeDescriptorBuilderChecksThatItsValuesFit() {
        AttributeAccessor accessor = item -> null;

        AttributeDescriptor tags = AttributeDescriptor.builder("tags", ValueKind.STRING, accessor).many(true).build();

        assertThat(tags).isEqualTo(AttributeDescriptor.collection("tags", ValueKind.STRING, accessor));
        assertThat(tags.newBuilder().many(false).build()).isEqualTo(AttributeDescriptor.of("tags", ValueKind.STRING, accessor));
        assertThatThrownBy(() -> AttributeDescriptor.builder("owner", ValueKind.ITEM, accessor).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attribute 'owner' is an ITEM reference but names no referenced type");
        assertThatThrownBy(() -> tags.newBuilder().referencedType("Tag").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attribute 'tags' of kind STRING cannot reference type 'Tag'");
    }
}
