package dev.ioflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on SAP's public product-syndication files (in core's test resources, see their README) and on
 * definitions that need a project's {@code items.xml}.
 */
class SapFilesCommandTest {
    private static final Path SAMPLES = Path.of("..", "core", "src", "test", "resources", "sap", "product-syndication");
    private static final String GENERIC = SAMPLES.resolve("genericproduct.impex").toString();
    private static final String ELECTRONICS = SAMPLES.resolve("electronicsproduct.impex").toString();
    private static final String VARIANT = SAMPLES.resolve("variantproduct.impex").toString();

    /** A project type: a shoe is a variant product with a unique EU size. */
    private static final String SHOE_ITEMS = """
            <items>
              <itemtypes>
                <itemtype code="Shoe" extends="VariantProduct">
                  <attributes>
                    <attribute qualifier="euSize" type="java.lang.Integer"><modifiers unique="true"/></attribute>
                  </attributes>
                </itemtype>
              </itemtypes>
            </items>
            """;

    /** Shoes keyed only through the platform's and the items.xml's unique attributes: nothing is flagged unique. */
    private static final String SHOE_IMPEX = """
            INSERT_UPDATE IntegrationObject; code[unique=true]
            ; ioShoe
            INSERT_UPDATE IntegrationObjectItem; integrationObject(code)[unique=true]; code[unique=true]; type(code); root[default=false]
            ; ioShoe ; Shoe           ; Shoe           ; true
            ; ioShoe ; CatalogVersion ; CatalogVersion ;
            ; ioShoe ; Catalog        ; Catalog        ;
            INSERT_UPDATE IntegrationObjectItemAttribute; integrationObjectItem(integrationObject(code),code)[unique=true]; attributeName[unique=true]; attributeDescriptor(enclosingType(code),qualifier); returnIntegrationObjectItem(integrationObject(code),code)
            ; ioShoe:Shoe           ; code           ; Product:code           ;
            ; ioShoe:Shoe           ; size           ; Shoe:euSize            ;
            ; ioShoe:Shoe           ; catalogVersion ; Product:catalogVersion ; ioShoe:CatalogVersion
            ; ioShoe:CatalogVersion ; version        ; CatalogVersion:version ;
            ; ioShoe:CatalogVersion ; catalog        ; CatalogVersion:catalog ; ioShoe:Catalog
            ; ioShoe:Catalog        ; id             ; Catalog:id             ;
            """;

    @TempDir
    Path dir;

    @Test
    void sapSampleFilesValidateAsOneSetAgainstThePlatformTypes() {
        CliRun run = CliRun.of("validate", GENERIC, ELECTRONICS, VARIANT);

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("OK " + GENERIC + ", " + ELECTRONICS + ", " + VARIANT + ": 2 integration objects"
                + System.lineSeparator());
    }

    @Test
    void aFileThatNeedsAnotherIsInvalidAloneWithFileAndLine() {
        CliRun run = CliRun.of("validate", VARIANT);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(VARIANT + ":89:").contains("GenericProductUrl");
    }

    @Test
    void withoutThePlatformTypesTheSampleHasItemsWithoutKey() {
        CliRun run = CliRun.of("convert", GENERIC, "--to", "json", "--no-platform-types");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("GenericProduct/items/CatalogVersion: item 'CatalogVersion' has no unique attribute");
    }

    @Test
    void convertWritesTheSetOnlyWhenItIsValid() {
        CliRun run = CliRun.of("convert", GENERIC, ELECTRONICS, "--to", "json");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"classification\"").contains("Internal memory, 6");
    }

    @Test
    void aProjectTypeFromItemsXmlKeysTheItemAsSapWould() throws Exception {
        Path items = Definitions.write(dir, "shoes-items.xml", SHOE_ITEMS);
        Path impex = Definitions.write(dir, "ioShoe.impex", SHOE_IMPEX);
        Path shoe = Definitions.write(dir, "shoe.json", """
                {"code": "S1", "euSize": 44, "catalogVersion": {"version": "Staged", "catalog": {"id": "shoes"}}}
                """);

        assertThat(CliRun.of("validate", impex.toString()).exitCode()).isEqualTo(1);
        CliRun run = CliRun.of("render", "--definition", impex.toString(), "--io", "ioShoe", "--item", shoe.toString(),
                "--items", items.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        // CatalogVersion_version|Catalog_id|Shoe_code|Shoe_size
        assertThat(new ObjectMapper().readTree(run.out()).get("integrationKey").asText()).isEqualTo("Staged|shoes|S1|44");
    }

    @Test
    void aBrokenItemsXmlExitsOneWithItsFileAndLine() {
        Path items = Definitions.write(dir, "broken-items.xml", "<items>\n  <itemtypes>\n    <itemtype extends=\"Product\"/>\n");
        Path impex = Definitions.write(dir, "ioShoe.impex", SHOE_IMPEX);

        CliRun run = CliRun.of("validate", impex.toString(), "--items", items.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(items + ":3:").contains("itemtype has no code");
    }

    @Test
    void aMissingItemsXmlExitsTwo() {
        Path impex = Definitions.write(dir, "ioShoe.impex", SHOE_IMPEX);

        CliRun run = CliRun.of("validate", impex.toString(), "--items", dir.resolve("missing-items.xml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing-items.xml");
    }

    @Test
    void aJsonObjectIsReadBackFromTheConversion() throws Exception {
        CliRun run = CliRun.of("convert", SAMPLES.resolve("supplemental-prices.impex").toString(), "--to", "json");

        JsonNode converted = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(converted.at("/integrationObjects/0/code").asText()).isEqualTo("SupplementalProductData");
    }
}
