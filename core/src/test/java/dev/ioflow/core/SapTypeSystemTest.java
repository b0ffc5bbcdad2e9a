package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SapTypeSystemTest {
    private static final String CREDENTIALS_IMPEX = """
            INSERT_UPDATE IntegrationObject; code[unique=true]
            ; ioDestination
            INSERT_UPDATE IntegrationObjectItem; integrationObject(code)[unique=true]; code[unique=true]; type(code); root[default=false]; itemTypeMatch(code)
            ; ioDestination ; ConsumedDestination     ; ConsumedDestination     ; true ;
            ; ioDestination ; BasicCredential         ; BasicCredential         ;      ; RESTRICT_TO_ITEM_TYPE
            ; ioDestination ; ConsumedOAuthCredential ; ConsumedOAuthCredential ;      ; RESTRICT_TO_ITEM_TYPE
            INSERT_UPDATE IntegrationObjectItemAttribute; integrationObjectItem(integrationObject(code),code)[unique=true]; attributeName[unique=true]; attributeDescriptor(enclosingType(code),qualifier); returnIntegrationObjectItem(integrationObject(code),code)
            ; ioDestination:ConsumedDestination     ; id              ; ConsumedDestination:id         ;
            ; ioDestination:ConsumedDestination     ; url             ; ConsumedDestination:url        ;
            ; ioDestination:ConsumedDestination     ; basicCredential ; ConsumedDestination:credential ; ioDestination:BasicCredential
            ; ioDestination:ConsumedDestination     ; oauthCredential ; ConsumedDestination:credential ; ioDestination:ConsumedOAuthCredential
            ; ioDestination:BasicCredential         ; id              ; AbstractCredential:id          ;
            ; ioDestination:BasicCredential         ; username        ; BasicCredential:username       ;
            ; ioDestination:ConsumedOAuthCredential ; id              ; AbstractCredential:id          ;
            ; ioDestination:ConsumedOAuthCredential ; clientId        ; ConsumedOAuthCredential:clientId
            """;

    private static IntegrationObject destinationIo() {
        return ImpexImporter.create().read(CREDENTIALS_IMPEX).get(0);
    }

    @Test
    void platformTypesKnowSupertypesInheritedAndUniqueAttributes() {
        SapTypeSystem types = SapTypeSystem.platform();

        ItemType variant = types.require("GenericVariantProduct");
        assertThat(variant.supertype()).isEqualTo("VariantProduct");
        assertThat(types.isSubtype("GenericVariantProduct", "Product")).isTrue();
        assertThat(types.isSubtype("Product", "GenericVariantProduct")).isFalse();
        assertThat(variant.attribute("europe1Prices").referencedType()).isEqualTo("PriceRow");
        assertThat(variant.attribute("code").unique()).isTrue();
        assertThat(variant.attribute("catalogVersion").unique()).isTrue();
        assertThat(variant.attribute("ean").unique()).isFalse();
        assertThat(types.require("Currency").attribute("isocode").unique()).isTrue();
        assertThat(types.codes()).contains("Order", "OrderEntry", "Address", "Customer", "Media", "ConsumedDestination",
                "BasicCredential", "IntegrationObject", "Region", "Unit", "Category");
    }

    @Test
    void whatNoItemsXmlKnowsIsTakenAsTheDefinitionDeclaresIt() {
        IntegrationObject io = IntegrationObject.builder("ioLoyalty")
                .item("Customer", i -> i.root().attribute("uid").attribute("loyaltyTier"))
                .item("LoyaltyCard", i -> i.attribute("number", a -> a.unique()))
                .build();

        SapTypeSystem types = SapTypeSystem.builder().deriveUnknownFrom(List.of(io)).build();

        assertThat(types.require("Customer").attribute("loyaltyTier").kind()).isEqualTo(ValueKind.ANY);
        assertThat(types.require("Customer").attribute("uid").unique()).isTrue();
        assertThat(types.require("LoyaltyCard").attribute("number")).isNotNull();
        assertThat(IntegrationObjectValidator.create().validate(io, types)).isEmpty();
    }

    @Test
    void itemsXmlFromAStreamAddsProjectTypesAndProblemsNameTheSource() {
        String xml = "<items><itemtypes><itemtype code=\"Shoe\" extends=\"Boot\"/></itemtypes></items>";

        assertThatThrownBy(() -> SapTypeSystem.builder()
                .itemsXml(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "shoes-items.xml").build())
                .isInstanceOfSatisfying(DefinitionParseException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly("shoes-items.xml:1:57: item type 'Shoe' extends 'Boot', which no items.xml declares"));
    }

    @Test
    void aDiscriminatorMakesMapsInstancesOfTheirTypeAndItsSupertypes() {
        SapTypeSystem types = SapTypeSystem.builder().discriminator("itemtype").build();
        Map<String, Object> variant = Map.of("itemtype", "GenericVariantProduct", "code", "V1");

        assertThat(types.typeOf(variant).code()).isEqualTo("GenericVariantProduct");
        assertThat(types.require("Product").isInstance(variant)).isTrue();
        assertThat(types.require("Category").isInstance(variant)).isFalse();
    }

    @Test
    void aPolymorphicReferenceValidatesWithNestedItemsOfSubtypes() {
        IntegrationObject io = destinationIo();

        assertThat(IntegrationObjectValidator.create().validate(io, SapTypeSystem.platform())).isEmpty();
        // Without the platform types nothing makes the ids unique, but the two nested types are accepted all the same.
        assertThat(IntegrationObjectValidator.create().validate(io, MapTypeSystem.derivedFrom(io)))
                .extracting(DefinitionProblem::message).allMatch(m -> m.endsWith("has no unique attribute, so it has no integration key"));
    }

    @Test
    void aPolymorphicReferenceRendersOnlyThroughTheNestedItemOfTheValuesType() {
        SapTypeSystem types = SapTypeSystem.builder().discriminator("itemtype").build();
        PayloadRenderer renderer = PayloadRenderer.of(destinationIo(), types);
        Map<String, Object> oauth = Map.of("itemtype", "ConsumedOAuthCredential", "id", "emarsys-oauth", "clientId", "c1");
        Map<String, Object> destination = Map.of("itemtype", "ConsumedDestination", "id", "emarsys", "url",
                "https://api.example.com", "credential", oauth);

        String json = renderer.render(destination).jsonString();

        assertThat(json).isEqualTo("{\"id\":\"emarsys\",\"url\":\"https://api.example.com\",\"oauthCredential\":"
                + "{\"id\":\"emarsys-oauth\",\"clientId\":\"c1\",\"integrationKey\":\"emarsys-oauth\"},\"integrationKey\":\"emarsys\"}");
    }

    @Test
    void theRootItemAcceptsItemsByItsItemTypeMatch() {
        SapTypeSystem types = SapTypeSystem.builder().discriminator("itemtype").build();
        IntegrationObject all = IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root().attribute("code")).build();
        IntegrationObject restricted = IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root().itemTypeMatch(ItemTypeMatch.RESTRICT_TO_ITEM_TYPE).attribute("code")).build();
        IntegrationObject subtypes = IntegrationObject.builder("ioVariant")
                .item("VariantProduct", i -> i.root().itemTypeMatch(ItemTypeMatch.ALL_SUBTYPES).attribute("code")).build();
        Map<String, Object> variant = Map.of("itemtype", "GenericVariantProduct", "code", "V1");
        Map<String, Object> product = Map.of("itemtype", "Product", "code", "P1");

        assertThat(PayloadRenderer.of(all, types).accepts(variant)).isTrue();
        assertThat(PayloadRenderer.of(restricted, types).accepts(variant)).isFalse();
        assertThat(PayloadRenderer.of(restricted, types).accepts(product)).isTrue();
        assertThat(PayloadRenderer.of(subtypes, types).accepts(variant)).isTrue();
        assertThat(PayloadRenderer.of(subtypes, types).accepts(product)).isFalse();
        // ALL_SUB_AND_SUPER_TYPES (the default) also matches a supertype's items.
        assertThat(PayloadRenderer.of(IntegrationObject.builder("ioVariant").item("VariantProduct",
                i -> i.root().attribute("code")).build(), types).accepts(product)).isTrue();
    }
}
