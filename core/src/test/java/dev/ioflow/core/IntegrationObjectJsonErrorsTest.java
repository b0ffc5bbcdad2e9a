package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrationObjectJsonErrorsTest {
    private final IntegrationObjectJson json = IntegrationObjectJson.create();

    private List<DefinitionProblem> problems(String text) {
        return catchThrowableOfType(DefinitionParseException.class, () -> json.read(text)).problems();
    }

    @Test
    void malformedJsonGivesTheLineAndColumnWhereParsingStopped() {
        List<DefinitionProblem> problems = problems("""
                { "code": "ioCustomer",
                  "items": [ { "code": "Customer" "root": true } ] }""");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo("$.items[0].code (line 2, column 35)");
        assertThat(problems.get(0).message()).startsWith("malformed JSON: Unexpected character ('\"'");
    }

    @Test
    void truncatedJsonIsReportedAtTheEnd() {
        List<DefinitionProblem> problems = problems("{ \"code\": \"io\",\n  \"items\": [");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.items[0] (line 2, column 13)");
            assertThat(p.message()).contains("end-of-input");
        });
    }

    @Test
    void emptyTextHasNoContent() {
        assertThat(problems("  \n")).containsExactly(new DefinitionProblem("$ (line 1, column 1)", "no JSON content"));
    }

    @Test
    void contentAfterTheDefinitionIsAnError() {
        assertThat(problems("{ \"code\": \"io\" }\n{ \"code\": \"io2\" }")).containsExactly(
                new DefinitionProblem("$ (line 2, column 1)", "unexpected content after the end of the JSON value"));
    }

    @Test
    void unknownPropertyIsReportedAtItsNameWithTheAllowedOnes() {
        assertThat(problems("""
                { "code": "io", "items": [ { "code": "A", "attributes": [ { "name": "a", "uniqe": true } ] } ] }"""))
                .containsExactly(new DefinitionProblem("$.items[0].attributes[0].uniqe (line 1, column 74)",
                        "unknown property 'uniqe'; allowed: name, source, descriptorType, unique, autoCreate, partOf, item, virtual, "
                                + "classification"));
    }

    @Test
    void valueOfTheWrongTypeIsReportedWithItsFullPath() {
        assertThat(problems("""
                { "integrationObjects": [ { "code": "io", "items": [
                  { "code": "A", "attributes": [] },
                  { "code": "B", "attributes": [ { "name": "a" }, { "name": "b" }, { "name": "c", "unique": "yes" } ] } ] } ] }"""))
                .containsExactly(new DefinitionProblem("$.integrationObjects[0].items[1].attributes[2].unique (line 3, column 93)",
                        "expected a boolean but found a string (\"yes\")"));
    }

    @Test
    void missingCodeAndNameAreReportedAtTheirObject() {
        assertThat(problems("""
                { "items": [ { "root": true, "attributes": [ { "unique": true } ] } ] }""")).containsExactly(
                new DefinitionProblem("$ (line 1, column 1)", "missing required property 'code'"),
                new DefinitionProblem("$.items[0] (line 1, column 14)", "missing required property 'code'"),
                new DefinitionProblem("$.items[0].attributes[0] (line 1, column 46)", "missing required property 'name'"));
    }

    @Test
    void blankCodeIsAnError() {
        assertThat(problems("{ \"code\": \"  \" }")).containsExactly(
                new DefinitionProblem("$.code (line 1, column 11)", "'code' must not be blank"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        assertThat(problems("""
                { "code": "io", "integrationType": "BOTH",
                  "items": [ { "code": "A", "itemTypeMatch": "ALL", "attributes": [] } ] }""")).containsExactly(
                new DefinitionProblem("$.integrationType (line 1, column 36)", "unknown integrationType 'BOTH'; allowed: INBOUND, OUTBOUND"),
                new DefinitionProblem("$.items[0].itemTypeMatch (line 2, column 46)",
                        "unknown itemTypeMatch 'ALL'; allowed: ALL_SUB_AND_SUPER_TYPES, RESTRICT_TO_ITEM_TYPE, ALL_SUBTYPES"));
    }

    @Test
    void everyShapeProblemOfADocumentIsReportedAtOnce() {
        DefinitionParseException e = catchThrowableOfType(DefinitionParseException.class, () -> json.read("""
                { "integrationObjects": [
                  { "code": 7, "items": {} },
                  { "code": "ok", "items": [ "Customer", { "code": "A", "root": 1, "attributes": [ { "name": ["x"] } ] } ] },
                  { "code": "ok2", "items": [], "extra": null, "code": "again" } ] }"""));

        assertThat(e.problems()).extracting(DefinitionProblem::path).containsExactly(
                "$.integrationObjects[0].code (line 2, column 13)",
                "$.integrationObjects[0].items (line 2, column 25)",
                "$.integrationObjects[1].items[0] (line 3, column 30)",
                "$.integrationObjects[1].items[1].root (line 3, column 65)",
                "$.integrationObjects[1].items[1].attributes[0].name (line 3, column 94)",
                "$.integrationObjects[2].extra (line 4, column 33)",
                "$.integrationObjects[2].code (line 4, column 48)");
        assertThat(e.getMessage()).startsWith("7 problems in JSON text:\n  $.integrationObjects[0].code (line 2, column 13): "
                + "expected a string but found a number (7)");
        assertThat(e.problems()).extracting(DefinitionProblem::message).contains(
                "expected an array but found an object", "expected an object but found a string (\"Customer\")",
                "duplicate property 'code'");
    }

    @Test
    void topLevelScalarIsAnError() {
        assertThat(problems("\"ioCustomer\"")).containsExactly(new DefinitionProblem("$ (line 1, column 1)",
                "expected an object with 'integrationObjects', an integration object or an array of them, "
                        + "but found a string (\"ioCustomer\")"));
    }

    @Test
    void problemsOfAFileNameTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{ \"code\": \"io\", \"items\": [ { \"code\": true } ] }");

        assertThatThrownBy(() -> json.read(file))
                .isInstanceOf(DefinitionParseException.class)
                .hasMessage("1 problem in broken.json:\n  $.items[0].code (line 1, column 38): expected a string but found a boolean (true)")
                .satisfies(e -> assertThat(((DefinitionParseException) e).source()).isEqualTo("broken.json"));
    }

    @Test
    void aMissingFileIsAnIoflowExceptionNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> json.read(dir.resolve("absent.json")))
                .isExactlyInstanceOf(IoflowException.class)
                .hasMessageContaining("absent.json");
    }

    @Test
    void readOneRequiresExactlyOneIntegrationObject() {
        assertThatThrownBy(() -> json.readOne("[ { \"code\": \"a\" }, { \"code\": \"b\" } ]"))
                .isInstanceOf(DefinitionParseException.class)
                .hasMessage("1 problem in JSON text:\n  JSON text: expected exactly one integration object but found 2: [a, b]");
    }
}
