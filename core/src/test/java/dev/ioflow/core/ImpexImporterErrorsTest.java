package dev.ioflow.core;

import static dev.ioflow.core.DefinitionFixtures.IMPEX_ATTRIBUTE_HEADER;
import static dev.ioflow.core.DefinitionFixtures.IMPEX_IO_HEADER;
import static dev.ioflow.core.DefinitionFixtures.IMPEX_ITEM_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpexImporterErrorsTest {
    private static final String IO = IMPEX_IO_HEADER + "; io ;\n";
    private static final String ITEM = IMPEX_ITEM_HEADER + "; io ; Customer ; Customer ; true\n";
    private static final String ATTRIBUTE = IMPEX_ATTRIBUTE_HEADER;

    private final ImpexImporter importer = ImpexImporter.create();

    private List<DefinitionProblem> problems(String impex) {
        return catchThrowableOfType(DefinitionParseException.class, () -> importer.read(impex)).problems();
    }

    private static DefinitionProblem at(int line, int column, String message) {
        return new DefinitionProblem("impex:" + line + ":" + column, message);
    }

    @Test
    void unknownHeaderTypeOfAnIntegrationObjectTypeIsAnError() {
        assertThat(problems(IO + "INSERT_UPDATE IntegrationObjectItemAttribut; code\n; x\n")).containsExactly(at(3, 1,
                "unknown header type 'IntegrationObjectItemAttribut'; known: IntegrationObject, IntegrationObjectItem, "
                        + "IntegrationObjectItemAttribute, IntegrationObjectVirtualAttributeDescriptor, "
                        + "IntegrationObjectItemVirtualAttribute, IntegrationObjectItemClassificationAttribute"));
    }

    @Test
    void unknownHeaderModeIsAnError() {
        assertThat(problems(IO + "UPSERT IntegrationObjectItem; code\n")).containsExactly(at(3, 1,
                "unknown header 'UPSERT IntegrationObjectItem': a header is INSERT_UPDATE, INSERT, UPDATE or REMOVE "
                        + "followed by a type, and a data line starts with ';'"));
    }

    @Test
    void dataLineBeforeAnyHeaderIsAnError() {
        assertThat(problems("\n ; io ;\n" + IO)).containsExactly(at(2, 2, "data line before any header"));
    }

    @Test
    void unsupportedDefinitionTypesAndRemoveAreErrors() {
        assertThat(problems(IO + "INSERT_UPDATE IntegrationObjectClass; code\n; x\n"
                + "REMOVE IntegrationObject; code\n; io\n")).containsExactly(
                at(3, 1, "IntegrationObjectClass is not supported: ioflow's integration objects "
                        + "have no class attributes (integration objects over plain classes)"),
                at(5, 1, "REMOVE is not supported for IntegrationObject: definitions are imported, not deleted; "
                        + "supported: INSERT_UPDATE, INSERT, UPDATE"));
    }

    @Test
    void unknownColumnIsReportedAtTheColumn() {
        assertThat(problems("INSERT_UPDATE IntegrationObject; code[unique=true]; integrationType( name )\n; io ; x\n"))
                .containsExactly(at(1, 53, "unknown column 'integrationType(name)' for IntegrationObject; "
                        + "known: code, integrationType(code)"));
    }

    @Test
    void headerWithoutAKeyColumnIsAnErrorAndItsLinesAreIgnored() {
        assertThat(problems(IO + "INSERT_UPDATE IntegrationObjectItem; code; root\n; A ; maybe\n")).containsExactly(
                at(3, 1, "header of IntegrationObjectItem lacks the column integrationObject(code), so its lines are ignored"));
    }

    @Test
    void malformedAndUnsupportedModifiersAreErrors() {
        assertThat(problems("INSERT_UPDATE IntegrationObject; code[unique=true; integrationType(code)[translator=x.Y]\n"
                + "; io ; INBOUND\n")).containsExactly(
                at(1, 34, "malformed column 'code[unique=true': the '[' of its modifiers is not closed"),
                at(1, 52, "unsupported modifier 'translator' in column 'integrationType(code)[translator=x.Y]'; "
                        + "supported: unique, default, allownull, forceWrite, ignorenull"));
    }

    @Test
    void lineWithMoreValuesThanHeaderColumnsIsReportedAtTheFirstExtraValue() {
        assertThat(problems(IO + ITEM + "; io ; Address ; Address ; false ; ALL\n")).containsExactly(at(5, 36,
                "line has 5 values but the IntegrationObjectItem header at line 3 has 4 columns: 'ALL' has no column"));
    }

    @Test
    void aTrailingSemicolonInTheHeaderDeclaresNoColumn() {
        assertThat(problems("INSERT_UPDATE IntegrationObject; code;\n; io ; INBOUND\n")).containsExactly(at(2, 8,
                "line has 2 values but the IntegrationObject header at line 1 has 1 column: 'INBOUND' has no column"));
    }

    @Test
    void unterminatedQuoteIsReportedWhereItOpens() {
        assertThat(problems(IO + ITEM + ATTRIBUTE + "; io:Customer ; \"customerID ; Customer:customerID ; true\n"
                + "; io:Customer ; contactEmail ; Customer:contactEmail\n")).containsExactly(at(6, 17,
                "unterminated quoted value: the quote opened here is never closed"));
    }

    @Test
    void itemOfAnUndefinedIntegrationObjectIsAnErrorButItsAttributesAreNotReportedAgain() {
        assertThat(problems(IO + "INSERT_UPDATE IntegrationObjectItem; integrationObject(code); code\n; ioOther ; Customer\n"
                + ATTRIBUTE + "; ioOther:Customer ; uid ; Customer:uid\n"))
                .containsExactly(at(4, 3, "item 'Customer' is in integration object 'ioOther', which is not defined; defined: [io]"));
    }

    @Test
    void attributeOfAnUndefinedItemIsAnError() {
        assertThat(problems(IO + ITEM + ATTRIBUTE + "; io:Address ; line1 ; Address:line1\n")).containsExactly(
                at(6, 3, "attribute 'line1' is in integration object item 'io:Address', which is not defined"));
    }

    @Test
    void badBooleanIsAnError() {
        assertThat(problems(IO + ITEM + ATTRIBUTE + "; io:Customer ; customerID ; Customer:customerID ; yes\n"))
                .containsExactly(at(6, 52, "bad boolean 'yes' for column unique: expected true or false"));
    }

    @Test
    void badEnumValueListsTheAllowedOnes() {
        assertThat(problems("INSERT_UPDATE IntegrationObject; code; integrationType(code)\n; io ; SIDEWAYS\n"))
                .containsExactly(at(2, 8, "unknown integrationType 'SIDEWAYS' for column integrationType(code); "
                        + "allowed: INBOUND, OUTBOUND"));
    }

    @Test
    void attributeDescriptorOfAnotherTypeThanItsItemIsKeptForTheTypeSystemToJudge() {
        IntegrationObject io = ImpexImporter.create().read(IO + ITEM + ATTRIBUTE + "; io:Customer ; customerID ; Employee:uid ; true\n")
                .get(0);
        IntegrationObjectAttribute attribute = io.item("Customer").attribute("customerID");

        assertThat(attribute.descriptorType()).isEqualTo("Employee");
        assertThat(attribute.source()).isEqualTo("uid");
        // Customer and Employee both extend User in SAP's platform types, but neither extends the other.
        assertThat(IntegrationObjectValidator.create().validate(io, SapTypeSystem.platform())).containsExactly(
                new DefinitionProblem("io/items/Customer/attributes/customerID", "attribute descriptor 'Employee:uid' is of "
                        + "type 'Employee', but item 'Customer' is of type 'Customer', which does not extend it"));
    }

    @Test
    void referenceValuesNeedBothParts() {
        assertThat(problems(IO + ITEM + ATTRIBUTE + "; io:Customer ; customerID ; customerID\n; Customer ; x\n"))
                .containsExactly(
                        at(6, 30, "expected two values separated by ':' for column attributeDescriptor(enclosingType(code),"
                                + "qualifier), e.g. 'ioCustomer:Customer', but found 'customerID'"),
                        at(7, 3, "expected two values separated by ':' for column integrationObjectItem(integrationObject("
                                + "code),code), e.g. 'ioCustomer:Customer', but found 'Customer'"));
    }

    @Test
    void returnItemMustBeAnItemOfTheSameIntegrationObject() {
        assertThat(problems(IO + ITEM + "INSERT_UPDATE IntegrationObjectItemAttribute; "
                + "integrationObjectItem(integrationObject(code),code); attributeName; "
                + "returnIntegrationObjectItem(integrationObject(code),code)\n; io:Customer ; address ; io:Address\n"))
                .containsExactly(at(6, 27, "returnIntegrationObjectItem 'io:Address' is not an item of integration "
                        + "object 'io'; its items: [Customer]"));
    }

    @Test
    void missingKeyValueIsAnError() {
        assertThat(problems(IO + "INSERT_UPDATE IntegrationObjectItem; integrationObject(code); code\n; io ;\n"))
                .containsExactly(at(4, 7, "missing value for code of IntegrationObjectItem"));
    }

    @Test
    void insertOfAKnownKeyAndUpdateOfAnUnknownOneAreErrors() {
        assertThat(problems("INSERT IntegrationObject; code\n; io\n; io\nUPDATE IntegrationObject; code\n; other\n"))
                .containsExactly(at(3, 3, "INSERT of IntegrationObject io, which line 2 already defines"),
                        at(5, 3, "UPDATE of IntegrationObject other, which no line before defines"));
    }

    @Test
    void virtualAttributeWithAnUnknownDescriptorIsAnError() {
        assertThat(problems(IO + ITEM + "INSERT_UPDATE IntegrationObjectItemVirtualAttribute; "
                + "integrationObjectItem(integrationObject(code),code); attributeName; retrievalDescriptor(code)\n"
                + "; io:Customer ; fullName ; nameScript\n")).containsExactly(at(6, 28, "virtual attribute 'fullName' uses "
                + "descriptor 'nameScript', which no IntegrationObjectVirtualAttributeDescriptor with a logicLocation defines"));
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceInFileOrder() {
        DefinitionParseException e = catchThrowableOfType(DefinitionParseException.class, () -> importer.read(
                IO + ITEM + ATTRIBUTE
                        + "; io:Customer ; customerID ; Customer:customerID ; sure\n"
                        + "; io:Nobody ; x ; Nobody:x\n"
                        + "; io:Customer ; contactEmail ; Customer:contactEmail ; false ; extra\n"
                        + "INSERT_UPDATE IntegrationObjectItem; integrationObject(code); code; colour\n"));

        assertThat(e.problems()).extracting(DefinitionProblem::path)
                .containsExactly("impex:6:52", "impex:7:3", "impex:8:64", "impex:9:69");
        assertThat(e.getMessage()).startsWith("4 problems in impex:\n  impex:6:52: bad boolean 'sure'");
    }

    @Test
    void problemsOfAFileNameTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("essentialdata-io.impex"), IO + "; \"unclosed\n");

        assertThatThrownBy(() -> importer.read(file))
                .isInstanceOf(DefinitionParseException.class)
                .hasMessage("1 problem in essentialdata-io.impex:\n  essentialdata-io.impex:3:3: "
                        + "unterminated quoted value: the quote opened here is never closed");
    }
}
