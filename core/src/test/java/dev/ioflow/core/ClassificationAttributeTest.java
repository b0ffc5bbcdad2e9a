package dev.ioflow.core;

import static dev.ioflow.core.DefinitionFixtures.IMPEX_ATTRIBUTE_HEADER;
import static dev.ioflow.core.DefinitionFixtures.IMPEX_IO_HEADER;
import static dev.ioflow.core.DefinitionFixtures.IMPEX_ITEM_HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classification attributes (SAP's product features): ImpEx, JSON, validation, and their values in both styles. */
class ClassificationAttributeTest {
    private static final String CLASSIFICATION_HEADER = "$assignment = classAttributeAssignment(classificationClass("
            + "catalogVersion(catalog(id), version), code), classificationAttribute(systemVersion(catalog(id), version), code))\n"
            + "INSERT_UPDATE IntegrationObjectItemClassificationAttribute; integrationObjectItem(integrationObject(code), code)[unique = true]; "
            + "attributeName[unique = true]; $assignment; returnIntegrationObjectItem(integrationObject(code), code)\n";
    private static final String PRODUCT = IMPEX_IO_HEADER + "; ioProduct ;\n"
            + IMPEX_ITEM_HEADER + "; ioProduct ; Product ; Product ; true\n"
            + IMPEX_ATTRIBUTE_HEADER + "; ioProduct:Product ; code ; Product:code ;\n";
    private static final ClassAttributeAssignment WEIGHT = new ClassAttributeAssignment("Electronics", "1.0", "cameras", "weight");

    @TempDir
    Path dir;

    /** A product with features, as an application's own class. */
    record Camera(String code, Map<String, Object> features) {
    }

    private static IntegrationObject product(String classificationLines) {
        return ImpexImporter.create().read(PRODUCT + CLASSIFICATION_HEADER + classificationLines).get(0);
    }

    @Test
    void anImpexClassificationAttributeKeepsItsClassAttributeAssignment() {
        IntegrationObject io = product("; ioProduct:Product ; weight ; Electronics:1.0:cameras:Electronics:1.0:weight ;\n");

        IntegrationObjectAttribute weight = io.item("Product").attribute("weight");
        assertThat(weight.classification()).isEqualTo(WEIGHT);
        assertThat(weight.isClassification()).isTrue();
        assertThat(weight.source()).isNull();
        assertThat(WEIGHT).hasToString("Electronics:1.0:cameras:Electronics:1.0:weight");
    }

    @Test
    void theJsonFormWritesTheAssignmentAndReadsItBack() {
        IntegrationObject io = product("; ioProduct:Product ; weight ; Electronics:1.0:cameras:Electronics:1.0:weight ;\n");
        IntegrationObjectJson json = IntegrationObjectJson.create();

        String written = json.write(List.of(io));

        assertThat(written).contains("{ \"name\": \"weight\", \"classification\": { \"system\": \"Electronics\", \"version\": \"1.0\", "
                + "\"classCode\": \"cameras\", \"attributeCode\": \"weight\" } }");
        assertThat(json.read(written)).containsExactly(io);
    }

    @Test
    void malformedAssignmentsAreReportedAtTheirCell() {
        assertThatThrownBy(() -> product("; ioProduct:Product ; weight ; Electronics:1.0:weight ;\n"
                + "; ioProduct:Product ; colour ; Electronics:1.0:cameras:Apparel:2.0:colour ;\n"))
                .isInstanceOfSatisfying(DefinitionParseException.class, e -> assertThat(e.problems()).extracting(Object::toString)
                        .containsExactly(
                                "impex:9:32: expected system:version:classCode:system:version:attributeCode for the "
                                        + "classAttributeAssignment of classification attribute 'weight', e.g. "
                                        + "'ElectronicsClassification:1.0:42:ElectronicsClassification:1.0:weight', but found "
                                        + "'Electronics:1.0:weight'",
                                "impex:10:32: classification attribute 'colour' assigns attribute 'colour' of Apparel:2.0 to "
                                        + "class 'cameras' of Electronics:1.0: the class and the attribute must be in the same "
                                        + "classification system version"));
    }

    @Test
    void aUniqueClassificationAttributeIsInvalid() {
        IntegrationObject io = IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root().attribute("code").attribute("weight", a -> a.classification(WEIGHT).unique()))
                .build();

        assertThat(IntegrationObjectValidator.create().validate(io, SapTypeSystem.platform())).containsExactly(
                new DefinitionProblem("ioProduct/items/Product/attributes/weight",
                        "classification attribute 'weight' cannot be unique: a product feature is no part of an integration key"));
    }

    @Test
    void mapItemsGiveFeatureValuesUnderTheAttributeCodeInBothStyles() {
        IntegrationObject io = product("; ioProduct:Product ; weight ; Electronics:1.0:cameras:Electronics:1.0:weight ;\n"
                + "; ioProduct:Product ; lenses ; Electronics:1.0:cameras:Electronics:1.0:lens mounts ;\n");
        Map<String, Object> camera = Map.of("code", "C1", "catalogVersion", Map.of(), "weight", 1.25,
                "lens mounts", List.of("EF", "RF"));
        TypeSystem types = SapTypeSystem.platform();

        assertThat(PayloadRenderer.builder(io, types).build().render(camera).jsonString())
                .isEqualTo("{\"code\":\"C1\",\"weight\":1.25,\"lenses\":[\"EF\",\"RF\"],\"integrationKey\":\"C1\"}");
        assertThat(PayloadRenderer.builder(io, types).style(PayloadStyle.SAP).build().render(camera).jsonString())
                .isEqualTo("{\"code\":\"C1\",\"weight\":1.25,\"lenses\":[\"EF\",\"RF\"],\"integrationKey\":\"C1\"}");
    }

    @Test
    void javaItemsGiveFeatureValuesThroughTheirOwnClassificationValues() {
        IntegrationObject io = IntegrationObject.builder("ioCamera")
                .item("Camera", i -> i.root().attribute("code", a -> a.unique()).attribute("weight", a -> a.classification(WEIGHT)))
                .build();
        ClassificationValues features = (item, assignment) -> ((Camera) item).features().get(assignment.attributeCode());

        PayloadRenderer renderer = PayloadRenderer.builder(io, JavaTypeSystem.of(Camera.class)).classificationValues(features).build();

        assertThat(renderer.render(new Camera("C2", Map.of("weight", 0.9))).jsonString())
                .isEqualTo("{\"code\":\"C2\",\"weight\":0.9,\"integrationKey\":\"C2\"}");
    }

    @Test
    void theDefaultValuesNameWhatToDoForItemsThatAreNotMaps() {
        IntegrationObject io = IntegrationObject.builder("ioCamera")
                .item("Camera", i -> i.root().attribute("code", a -> a.unique()).attribute("weight", a -> a.classification(WEIGHT)))
                .build();
        PayloadRenderer renderer = PayloadRenderer.of(io, JavaTypeSystem.of(Camera.class));

        assertThatThrownBy(() -> renderer.render(new Camera("C3", Map.of())))
                .isInstanceOf(ItemRenderException.class)
                .hasMessageContaining("weight")
                .hasMessageContaining("give the PayloadRenderer a ClassificationValues");
    }

    @Test
    void filesOfASetReportEveryProblemAtTheirOwnFileAndLine() throws IOException {
        Path first = Files.writeString(dir.resolve("products.impex"), PRODUCT + IMPEX_ITEM_HEADER + "; ioOther ; X ; X ;\n");
        Path second = Files.writeString(dir.resolve("features.impex"), CLASSIFICATION_HEADER
                + "; ioProduct:Product ; weight ; Electronics:1.0:weight ;\n"
                + "; ioProduct:Missing ; colour ; Electronics:1.0:cameras:Electronics:1.0:colour ;\n");

        assertThatThrownBy(() -> ImpexImporter.create().read(List.of(first, second)))
                .isInstanceOfSatisfying(DefinitionParseException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::path)
                        .containsExactly("products.impex:8:3", "features.impex:3:32", "features.impex:4:3"));
    }
}
