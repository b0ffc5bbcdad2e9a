package dev.ioflow.core.internal.sap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.DefinitionParseException;
import dev.ioflow.core.SapTypeSystem;
import dev.ioflow.core.ValueKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemsXmlReaderTest {

    private static ByteArrayInputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ResolvedType.Attribute attribute(ResolvedType type, String name) {
        return type.attributes().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void platformCatalogKnowsProductsWithTheirUniqueAttributesAndSupertypes() {
        Map<String, ResolvedType> types = new ItemsXmlReader().platform().resolve();

        ResolvedType variant = types.get("GenericVariantProduct");
        assertThat(variant.supertype()).isEqualTo("VariantProduct");
        assertThat(types.get("VariantProduct").supertype()).isEqualTo("Product");
        assertThat(attribute(variant, "code").unique()).isTrue();
        assertThat(attribute(variant, "catalogVersion")).isEqualTo(
                new ResolvedType.Attribute("catalogVersion", ValueKind.ITEM, false, "CatalogVersion", true, true));
        assertThat(attribute(variant, "europe1Prices")).isEqualTo(
                new ResolvedType.Attribute("europe1Prices", ValueKind.ITEM, true, "PriceRow", false, false));
        assertThat(attribute(variant, "baseProduct").referencedType()).isEqualTo("Product");
        assertThat(attribute(variant, "name").kind()).isEqualTo(ValueKind.LOCALIZED);
        assertThat(attribute(variant, "approvalStatus").referencedType()).isEqualTo("ArticleApprovalStatus");
        assertThat(attribute(types.get("ArticleApprovalStatus"), "code").unique()).isTrue();
        assertThat(attribute(types.get("CatalogVersion"), "catalog").unique()).isTrue();
        assertThat(attribute(types.get("Currency"), "isocode").unique()).isTrue();
        assertThat(attribute(types.get("ConsumedDestination"), "credential").referencedType()).isEqualTo("AbstractCredential");
        assertThat(types.get("ConsumedOAuthCredential").supertype()).isEqualTo("AbstractCredential");
        assertThat(types.get("Item").supertype()).isNull();
    }

    @Test
    void projectItemsXmlExtendsPlatformTypesAndDeclaresRelationsCollectionsAndEnums() {
        String items = """
                <items xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="items.xsd">
                  <collectiontypes><collectiontype code="ShoeSizes" elementtype="java.lang.Integer" type="list"/></collectiontypes>
                  <enumtypes><enumtype code="ShoeWidth" autocreate="true"><value code="NARROW"/></enumtype></enumtypes>
                  <relations>
                    <relation code="Shoe2Brand" localized="false">
                      <sourceElement type="Brand" qualifier="brand" cardinality="one"><modifiers unique="true"/></sourceElement>
                      <targetElement type="Shoe" qualifier="shoes" cardinality="many"/>
                    </relation>
                  </relations>
                  <itemtypes>
                    <itemtype code="Shoe" extends="VariantProduct">
                      <deployment table="shoes" typecode="30001"/>
                      <attributes>
                        <attribute qualifier="sizes" type="ShoeSizes"><persistence type="property"/></attribute>
                        <attribute qualifier="width" type="ShoeWidth"/>
                      </attributes>
                    </itemtype>
                    <itemtype code="Brand">
                      <attributes><attribute qualifier="code" type="java.lang.String"><modifiers unique="true"/></attribute></attributes>
                    </itemtype>
                    <itemtype code="Product" autocreate="false" generate="false">
                      <attributes><attribute qualifier="vegan" type="java.lang.Boolean"/></attributes>
                    </itemtype>
                  </itemtypes>
                </items>
                """;
        Map<String, ResolvedType> types = new ItemsXmlReader().platform().read(xml(items), "shoes-items.xml").resolve();

        ResolvedType shoe = types.get("Shoe");
        assertThat(shoe.supertype()).isEqualTo("VariantProduct");
        assertThat(attribute(shoe, "sizes")).isEqualTo(new ResolvedType.Attribute("sizes", ValueKind.INTEGER, true, null, false, false));
        assertThat(attribute(shoe, "width").referencedType()).isEqualTo("ShoeWidth");
        assertThat(attribute(shoe, "brand")).isEqualTo(new ResolvedType.Attribute("brand", ValueKind.ITEM, false, "Brand", true, false));
        assertThat(attribute(shoe, "vegan").kind()).isEqualTo(ValueKind.BOOLEAN);
        assertThat(attribute(shoe, "code").unique()).isTrue();
        assertThat(attribute(types.get("Brand"), "shoes")).isEqualTo(new ResolvedType.Attribute("shoes", ValueKind.ITEM, true, "Shoe", false, false));
        assertThat(types.get("Brand").supertype()).isEqualTo("GenericItem");
        assertThat(types.get("ShoeWidth").supertype()).isEqualTo("EnumerationValue");
    }

    @Test
    void optionalFalseWithoutADefaultValueMakesAnAttributeMandatory() {
        String items = """
                <items>
                  <relations>
                    <relation code="Shoe2Brand" localized="false">
                      <sourceElement type="Brand" qualifier="brand" cardinality="one"><modifiers optional="false"/></sourceElement>
                      <targetElement type="Shoe" qualifier="shoes" cardinality="many"/>
                    </relation>
                  </relations>
                  <itemtypes>
                    <itemtype code="Brand">
                      <attributes><attribute qualifier="code" type="java.lang.String"><modifiers unique="true"/></attribute></attributes>
                    </itemtype>
                    <itemtype code="Shoe">
                      <attributes>
                        <attribute qualifier="size" type="java.lang.Integer"><modifiers optional="false"/></attribute>
                        <attribute qualifier="colour" type="java.lang.String">
                          <defaultvalue>"black"</defaultvalue><modifiers optional="false"/>
                        </attribute>
                        <attribute qualifier="model" type="java.lang.String"><modifiers optional="true"/></attribute>
                        <attribute qualifier="label" type="java.lang.String"><modifiers read="true" optional="false"/></attribute>
                      </attributes>
                    </itemtype>
                    <itemtype code="Shoe" autocreate="false" generate="false">
                      <attributes>
                        <attribute qualifier="label" redeclare="true"/>
                        <attribute qualifier="model" redeclare="true"><modifiers optional="false"/></attribute>
                      </attributes>
                    </itemtype>
                  </itemtypes>
                </items>
                """;
        Map<String, ResolvedType> types = new ItemsXmlReader().platform().read(xml(items), "shoes-items.xml").resolve();

        ResolvedType shoe = types.get("Shoe");
        assertThat(attribute(shoe, "size").mandatory()).as("optional=false").isTrue();
        assertThat(SapTypeSystem.builder().itemsXml(xml(items), "shoes-items.xml").build().require("Shoe").attribute("size"))
                .satisfies(size -> assertThat(size.mandatory()).isTrue());
        assertThat(attribute(shoe, "colour").mandatory()).as("optional=false with a default value").isFalse();
        assertThat(attribute(shoe, "label").mandatory()).as("redeclared without modifiers").isTrue();
        assertThat(attribute(shoe, "model").mandatory()).as("redeclared optional=false").isTrue();
        assertThat(attribute(shoe, "brand")).isEqualTo(new ResolvedType.Attribute("brand", ValueKind.ITEM, false, "Brand", false, true));
        assertThat(attribute(types.get("Brand"), "code").mandatory()).as("unique only").isFalse();
    }

    @Test
    void everyProblemOfEveryFileIsReportedWithFileAndLine() {
        String first = """
                <items>
                  <itemtypes>
                    <itemtype code="Shoe" extends="Footwear"/>
                    <itemtype>
                      <attributes><attribute qualifier="x" type="java.lang.String"/></attributes>
                    </itemtype>
                  </itemtypes>
                </items>
                """;
        String second = """
                <items>
                  <itemtypes>
                    <itemtype code="Boot">
                      <attributes><attribute type="java.lang.String"/></attributes>
                    </itemtype>
                  </itemtypes>
                """;
        ItemsXmlReader reader = new ItemsXmlReader().platform().read(xml(first), "a-items.xml").read(xml(second), "b-items.xml");

        assertThatThrownBy(reader::resolve).isInstanceOfSatisfying(DefinitionParseException.class, e -> assertThat(e.problems())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder(
                        "a-items.xml:4:15: itemtype has no code",
                        "b-items.xml:4:55: attribute of item type 'Boot' has no qualifier",
                        "b-items.xml:7:1: malformed XML: XML document structures must start and end within the same entity.",
                        "a-items.xml:3:47: item type 'Shoe' extends 'Footwear', which no items.xml declares"));
    }

    @Test
    void aDoctypeIsRefusedSoExternalEntitiesAreNeverRead() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE items [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <items><itemtypes><itemtype code="&secret;"/></itemtypes></items>
                """;
        ItemsXmlReader reader = new ItemsXmlReader().read(xml(xxe), "evil-items.xml");

        assertThatThrownBy(reader::resolve).isInstanceOfSatisfying(DefinitionParseException.class, e -> assertThat(e.problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("evil-items.xml:2:10");
                    assertThat(p.message()).contains("DOCTYPE");
                }));
    }
}
