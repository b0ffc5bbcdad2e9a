package dev.ioflow.core;

import static dev.ioflow.core.DefinitionFixtures.IMPEX_ATTRIBUTE_HEADER;
import static dev.ioflow.core.DefinitionFixtures.IMPEX_IO_HEADER;
import static dev.ioflow.core.DefinitionFixtures.IMPEX_ITEM_HEADER;
import static dev.ioflow.core.DefinitionFixtures.file;
import static dev.ioflow.core.DefinitionFixtures.ioCustomer;
import static dev.ioflow.core.DefinitionFixtures.ioProduct;
import static dev.ioflow.core.DefinitionFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImpexImporterTest {
    private static final String IO = IMPEX_IO_HEADER;
    private static final String ITEM = IMPEX_ITEM_HEADER;
    private static final String ATTRIBUTE = IMPEX_ATTRIBUTE_HEADER;

    private final ImpexImporter importer = ImpexImporter.create();

    private List<IntegrationObjectAttribute> attributesOf(String impex) {
        return importer.read(impex).get(0).items().get(0).attributes();
    }

    @Test
    void importsTheSeedIntegrationObject() {
        assertThat(importer.read(file("ioCustomer.impex"))).containsExactly(ioCustomer());
    }

    @Test
    void importsAMultiItemIntegrationObjectWithNestedUniqueReferences() {
        assertThat(importer.read(file("ioProduct.impex"))).containsExactly(ioProduct());
    }

    @Test
    void importedDefinitionsEqualTheHandWrittenJson() {
        IntegrationObjectJson json = IntegrationObjectJson.create();

        assertThat(importer.read(file("ioCustomer.impex"))).isEqualTo(json.read(file("ioCustomer.json")));
        assertThat(importer.read(file("ioProduct.impex"))).isEqualTo(json.read(file("ioProduct.json")));
    }

    @Test
    void convertingImpexToJsonGivesTheHandWrittenFileText() {
        assertThat(IntegrationObjectJson.create().write(importer.read(file("ioProduct.impex")))).isEqualTo(text("ioProduct.json"));
    }

    @Test
    void defaultModifierAppliesWhenAValueIsEmpty() {
        List<IntegrationObjectAttribute> attributes = attributesOf(IO + "; io ;\n" + ITEM + "; io ; A ; ; true\n"
                + "INSERT_UPDATE IntegrationObjectItemAttribute; integrationObjectItem(integrationObject(code),code); "
                + "attributeName; unique[default=true]\n"
                + "; io:A ; a ;\n; io:A ; b ; false\n");

        assertThat(attributes).extracting(IntegrationObjectAttribute::unique).containsExactly(true, false);
    }

    @Test
    void emptyTypeDefaultsToTheItemCodeAndIntegrationTypeToInbound() {
        IntegrationObject io = importer.read(IO + "; io ;\n" + ITEM + "; io ; Customer ; ; true\n").get(0);

        assertThat(io.integrationType()).isEqualTo(IntegrationType.INBOUND);
        assertThat(io.items().get(0).type()).isEqualTo("Customer");
    }

    @Test
    void mapsItemTypeAndTheRemainingFlagsAndReferences() {
        IntegrationObject io = importer.read(IO + "; io ; outbound\n"
                + "INSERT_UPDATE IntegrationObjectItem; integrationObject(code); code; type(code); root; itemTypeMatch(code)\n"
                + "; io ; Customer ; B2BCustomer ; TRUE ; RESTRICT_TO_ITEM_TYPE\n; io ; Address ; Address ; false ;\n"
                + "INSERT_UPDATE IntegrationObjectItemAttribute; integrationObjectItem(integrationObject(code),code); "
                + "attributeName; attributeDescriptor(enclosingType(code),qualifier); "
                + "returnIntegrationObjectItem(integrationObject(code),code); autoCreate; partOf\n"
                + "; io:Customer ; address ; B2BCustomer:defaultPaymentAddress ; io:Address ; true ; true\n"
                + "; io:Address ; line1\n").get(0);

        assertThat(io.integrationType()).isEqualTo(IntegrationType.OUTBOUND);
        assertThat(io.items().get(0)).isEqualTo(IntegrationObjectItem.builder("Customer").type("B2BCustomer").root()
                .itemTypeMatch(ItemTypeMatch.RESTRICT_TO_ITEM_TYPE)
                .attribute("address", a -> a.source("defaultPaymentAddress").autoCreate(true).partOf(true).item("Address"))
                .build());
        assertThat(io.items().get(1).attributes()).containsExactly(
                IntegrationObjectAttribute.builder("line1").build());
    }

    @Test
    void importsVirtualAttributesWithTheirLogicLocation() {
        List<IntegrationObjectAttribute> attributes = attributesOf(IO + "; io ;\n" + ITEM + "; io ; Customer ; ; true\n"
                + ATTRIBUTE + "; io:Customer ; uid ; Customer:uid ; true\n"
                + "INSERT_UPDATE IntegrationObjectItemVirtualAttribute; integrationObjectItem(integrationObject(code), code)[unique = true]; "
                + "attributeName[unique = true]; retrievalDescriptor(code)\n"
                + "; io:Customer ; fullName ; fullNameDescriptor\n"
                + ATTRIBUTE + "; io:Customer ; email ; Customer:contactEmail\n"
                + "INSERT_UPDATE IntegrationObjectVirtualAttributeDescriptor; code[unique = true]; logicLocation; type(code)\n"
                + "; fullNameDescriptor ; model://fullName ; java.lang.String\n");

        assertThat(attributes).containsExactly(
                IntegrationObjectAttribute.builder("uid").unique().build(),
                IntegrationObjectAttribute.builder("fullName").logicLocation("model://fullName").build(),
                IntegrationObjectAttribute.builder("email").source("contactEmail").build());
    }

    @Test
    void rowsMayReferToRowsFurtherDown() {
        String impex = ATTRIBUTE + "; io:A ; a ; A:a ; true\n" + ITEM + "; io ; A ; A ; true\n" + IO + "; io ;\n";

        assertThat(importer.read(impex)).containsExactly(IntegrationObject.builder("io")
                .item("A", item -> item.root().attribute("a", a -> a.unique())).build());
    }

    @Test
    void insertUpdateOfAKnownKeyUpdatesTheValuesItGives() {
        List<IntegrationObjectAttribute> attributes = attributesOf(IO + "; io ;\n" + ITEM + "; io ; A ; ; true\n"
                + ATTRIBUTE + "; io:A ; a ; A:a ; true\n; io:A ; b ; A:b\n"
                + "INSERT_UPDATE IntegrationObjectItemAttribute; integrationObjectItem(integrationObject(code),code); attributeName; unique\n"
                + "; io:A ; a ; false\n");

        assertThat(attributes).extracting(IntegrationObjectAttribute::name, IntegrationObjectAttribute::unique)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", false), org.assertj.core.groups.Tuple.tuple("b", false));
    }

    @Test
    void insertAndUpdateBlocksAreRead() {
        IntegrationObject io = importer.read("INSERT IntegrationObject; code\n; io\n"
                + "insert IntegrationObjectItem; integrationObject(code); code\n; io ; A\n"
                + "UPDATE IntegrationObjectItem; integrationObject(code); code; root\n; io ; A ; true\n").get(0);

        assertThat(io.items()).singleElement().satisfies(item -> assertThat(item.root()).isTrue());
    }

    @Test
    void macrosAreExpandedLongestNameFirstAndMayUseEarlierMacros() {
        IntegrationObject io = importer.read("""
                $io=ioCustomer
                $item = $io:Customer
                $itemRef = integrationObjectItem(integrationObject(code), code)
                INSERT_UPDATE IntegrationObject; code[unique=true]
                ; $io
                INSERT_UPDATE IntegrationObjectItem; integrationObject(code); code; root
                ; $io ; Customer ; true
                INSERT_UPDATE IntegrationObjectItemAttribute; $itemRef[unique=true]; attributeName; unique
                ; $item ; $undefined ; true
                """).get(0);

        assertThat(io.code()).isEqualTo("ioCustomer");
        assertThat(io.items().get(0).attributes()).extracting(IntegrationObjectAttribute::name).containsExactly("$undefined");
    }

    @Test
    void quotedValuesKeepSemicolonsQuotesBlanksAndLineBreaks() {
        List<IntegrationObjectAttribute> attributes = attributesOf(IO + "; io ;\n" + ITEM + "; io ; A ; ; true\n"
                + ATTRIBUTE + "; io:A ; \"a;b\" ; A:x\n; io:A ; \"say \"\"hi\"\"\" ; A:y\n; io:A ; \" two\nlines \" ; A:z\n");

        assertThat(attributes).extracting(IntegrationObjectAttribute::name).containsExactly("a;b", "say \"hi\"", " two\nlines ");
    }

    @Test
    void commentsBlankLinesAndContinuationsAreHandled() {
        IntegrationObject io = importer.read("""
                # a comment; with ; semicolons
                   # an indented comment

                INSERT_UPDATE IntegrationObject; \\
                    code[unique=true]; integrationType(code)
                ; io ; \\
                  OUTBOUND
                INSERT_UPDATE IntegrationObjectItem; integrationObject(code); code; root
                ; io ; A ; true
                """).get(0);

        assertThat(io).isEqualTo(IntegrationObject.builder("io").integrationType(IntegrationType.OUTBOUND)
                .item("A", item -> item.root()).build());
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreAccepted() {
        assertThat(importer.read("\uFEFF" + text("ioCustomer.impex").replace("\n", "\r\n"))).containsExactly(ioCustomer());
    }

    @Test
    void blocksOfOtherItemTypesAreSkipped() {
        List<IntegrationObject> ios = importer.read("INSERT_UPDATE Product; code[unique=true]; name[lang=en]; whatever(x)\n"
                + "; P1 ; \"Prod;uct\" ; a ; b ; c\n"
                + "Product ; P2\n"
                + IO + "; io ;\n"
                + "INSERT_UPDATE OutboundChannelConfiguration; code[unique = true]; integrationObject(code)\n; ch ; io\n");

        assertThat(ios).extracting(IntegrationObject::code).containsExactly("io");
    }

    @Test
    void trailingEmptyValuesBeyondTheHeaderAreIgnored() {
        assertThat(importer.read(IO + "; io ; INBOUND ; ;  ;\n")).extracting(IntegrationObject::code).containsExactly("io");
    }

    @Test
    void integrationObjectsWithoutItemsAreKeptInFileOrder() {
        assertThat(importer.read(IO + "; b ;\n; a ;\n")).extracting(IntegrationObject::code).containsExactly("b", "a");
    }

    @Test
    void acceptsColumnsInAnyCaseTabsTrailingSemicolonsAndModifiersAfterAMacro() {
        List<IntegrationObjectAttribute> attributes = attributesOf(IO + "; io ;\n" + ITEM + "; io ; A ; ; true\n"
                + "$item = integrationObjectItem(integrationObject(code), code)[unique = true]\n"
                + "INSERT_UPDATE IntegrationObjectItemAttribute\t; $item[allownull = true]; attributeName[unique = true];"
                + " autocreate[default = true]; UNIQUE;\n"
                + "\t; io:A\t; a\t;\t; true ;\n");

        assertThat(attributes).containsExactly(IntegrationObjectAttribute.builder("a").unique().autoCreate(true).build());
    }

    @Test
    void readsTypeCodesInAnyCaseAsSapDoes() {
        List<IntegrationObject> ios = importer.read("insert_update integrationobject; code[unique=true]\n; io ;\n"
                + "INSERT_UPDATE INTEGRATIONOBJECTITEM; integrationObject(code)[unique=true]; code[unique=true]; root\n"
                + "; io ; A ; true\n");

        assertThat(ios).extracting(IntegrationObject::code).containsExactly("io");
        assertThat(ios.get(0).items()).extracting(IntegrationObjectItem::code).containsExactly("A");
    }
}
