package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SAP's public product-syndication sample files (see {@code src/test/resources/sap/README.md}) import, validate and
 * render as SAP Commerce reads them. Expected integration keys follow SAP's documented rule: key attributes are the
 * attributes the integration object flags unique OR the platform declares unique, unique references expand into the
 * referenced item's key, parts ordered by {@code ItemCode_attributeName}, joined with {@code |}.
 */
class SapProductSyndicationFilesTest {
    private static final Path DIR = Path.of("src/test/resources/sap/product-syndication");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<IntegrationObject> read(String... files) {
        return ImpexImporter.create().read(java.util.Arrays.stream(files).map(DIR::resolve).toList());
    }

    private static SapTypeSystem typesFor(List<IntegrationObject> ios) {
        return SapTypeSystem.builder().deriveUnknownFrom(ios).build();
    }

    private static IntegrationObject io(List<IntegrationObject> ios, String code) {
        return ios.stream().filter(io -> io.code().equals(code)).findFirst().orElseThrow();
    }

    /** Virtual attributes computed by SAP's Groovy scripts: a stand-in function per logic location. */
    private static PayloadRenderer renderer(IntegrationObject io, TypeSystem types, PayloadStyle style) {
        PayloadRenderer.Builder builder = PayloadRenderer.builder(io, types).style(style);
        io.items().forEach(item -> item.attributes().stream().filter(IntegrationObjectAttribute::isVirtual)
                .forEach(a -> builder.virtualFunction(a.logicLocation(), product -> "computed by " + a.logicLocation())));
        return builder.build();
    }

    private static Map<String, Object> catalogVersion() {
        return Map.of("version", "Online", "active", true, "catalog", Map.of("id", "apparelProductCatalog"));
    }

    private static Map<String, Object> product(String code) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("code", code);
        product.put("catalogVersion", catalogVersion());
        product.put("name", Map.of(Locale.ENGLISH, "Shirt", Locale.GERMAN, "Hemd"));
        product.put("ean", "4006381333931");
        product.put("approvalStatus", Map.of("code", "approved"));
        product.put("europe1Prices", List.of(Map.of("net", false, "price", 19.99, "currency", Map.of("isocode", "USD"))));
        product.put("offlineDate", new Date(1_700_000_000_000L));
        return product;
    }

    @Test
    void everyFileValidatesAgainstThePlatformTypesWhenReadAsTheSetSapImports() {
        List<IntegrationObject> ios = read("genericproduct.impex", "electronicsproduct.impex", "variantproduct.impex",
                "multidimensionalproduct.impex", "supplemental-prices.impex");
        SapTypeSystem types = typesFor(ios);

        assertThat(ios).extracting(IntegrationObject::code)
                .containsExactly("GenericProduct", "VariantProduct", "MultiDProduct", "SupplementalProductData");
        IntegrationObjectValidator validator = IntegrationObjectValidator.create();
        ios.forEach(io -> assertThat(validator.validate(io, types)).as(io.code()).isEmpty());
    }

    @Test
    void aProductIsKeyedByItsCatalogVersionAndCodeAsThePlatformDeclaresThemUnique() {
        List<IntegrationObject> ios = read("genericproduct.impex");
        PayloadRenderer renderer = renderer(io(ios, "GenericProduct"), typesFor(ios), PayloadStyle.SAP);

        // Product_code is flagged unique; Product.catalogVersion, CatalogVersion.version and .catalog are unique in
        // the platform, Catalog.id is flagged: CatalogVersion_version|Catalog_id|Product_code.
        assertThat(renderer.integrationKey(product("shirt 1|a"))).isEqualTo("Online|apparelProductCatalog|shirt+1%7Ca");
    }

    @Test
    void aProductRendersInSapStyleWithTheKeysOfItsNestedItems() throws Exception {
        List<IntegrationObject> ios = read("genericproduct.impex");
        PayloadRenderer renderer = renderer(io(ios, "GenericProduct"), typesFor(ios), PayloadStyle.SAP);

        JsonNode payload = JSON.readTree(renderer.render(product("P1")).json());

        assertThat(payload.get("integrationKey").asText()).isEqualTo("Online|apparelProductCatalog|P1");
        assertThat(payload.at("/catalogVersion/integrationKey").asText()).isEqualTo("Online|apparelProductCatalog");
        assertThat(payload.at("/catalogVersion/catalog/integrationKey").asText()).isEqualTo("apparelProductCatalog");
        // PriceRow: net and currency flagged unique (Currency_isocode|PriceRow_net).
        assertThat(payload.at("/europe1Prices/0/integrationKey").asText()).isEqualTo("USD|false");
        assertThat(payload.at("/approvalStatus/integrationKey").asText()).isEqualTo("approved");
        assertThat(payload.get("expirationDate").asText()).isEqualTo("/Date(1700000000000)/");
        assertThat(payload.get("url").asText()).isEqualTo("computed by model://GenericProductUrlAttribute");
        assertThat(payload.get("name").asText()).isEqualTo("Shirt");
    }

    @Test
    void aVariantUsesInheritedDescriptorsAndIsKeyedLikeAProduct() {
        List<IntegrationObject> ios = read("genericproduct.impex", "variantproduct.impex", "multidimensionalproduct.impex");
        SapTypeSystem types = typesFor(ios);
        Map<String, Object> variant = new LinkedHashMap<>(product("V1"));
        variant.put("size", Map.of(Locale.ENGLISH, "XL"));

        assertThat(renderer(io(ios, "MultiDProduct"), types, PayloadStyle.PLAIN).integrationKey(variant))
                .isEqualTo("Online|apparelProductCatalog|V1");
        // The alias is the integration-object item's code: ApparelSizeVariantProduct_code sorts before CatalogVersion_version.
        assertThat(renderer(io(ios, "VariantProduct"), types, PayloadStyle.PLAIN).integrationKey(variant))
                .isEqualTo("V1|Online|apparelProductCatalog");
    }

    @Test
    void supplementalPricesAreKeyedByEveryFlaggedAttributeInAliasOrder() {
        // Flagged: PriceRow net, price, productId, catalogVersion (not currency); CatalogVersion catalog and version;
        // Catalog id: CatalogVersion_version|Catalog_id|PriceRow_net|PriceRow_price|PriceRow_productId.
        List<IntegrationObject> ios = read("supplemental-prices.impex");
        PayloadRenderer renderer = renderer(io(ios, "SupplementalProductData"), typesFor(ios), PayloadStyle.PLAIN);
        Map<String, Object> price = Map.of("productId", "P1", "net", true, "price", 9.5,
                "currency", Map.of("isocode", "EUR"), "catalogVersion", catalogVersion());

        assertThat(renderer.integrationKey(price)).isEqualTo("Online|apparelProductCatalog|true|9.5|P1");
    }

    @Test
    void classificationAttributesOfTheElectronicsFileJoinTheGenericProduct() throws Exception {
        List<IntegrationObject> ios = read("genericproduct.impex", "electronicsproduct.impex");
        IntegrationObject generic = io(ios, "GenericProduct");
        IntegrationObjectAttribute memory = generic.item("Product").attribute("clss_Memory_Flash");

        assertThat(memory.classification()).isEqualTo(new ClassAttributeAssignment("ElectronicsClassification", "1.0", "42",
                "Internal memory, 6"));
        Map<String, Object> camera = new LinkedHashMap<>(product("C1"));
        camera.put("Internal memory, 6", "16 GB");
        camera.put("Display, 83", 3.0);
        JsonNode payload = JSON.readTree(renderer(generic, typesFor(ios), PayloadStyle.SAP).render(camera).json());

        assertThat(payload.get("clss_Memory_Flash").asText()).isEqualTo("16 GB");
        assertThat(payload.get("clss_Display_Size").asDouble()).isEqualTo(3.0);
        assertThat(payload.has("clss_LensSystem_ApertureRange")).isFalse();
    }

    @Test
    void theJsonFormOfTheWholeSetReadsBackEqual() {
        List<IntegrationObject> ios = read("genericproduct.impex", "electronicsproduct.impex", "multidimensionalproduct.impex");
        IntegrationObjectJson json = IntegrationObjectJson.create();

        List<IntegrationObject> back = json.read(new java.io.StringReader(json.write(ios)), "set.json");

        assertThat(back).isEqualTo(ios);
        IntegrationObjectValidator validator = IntegrationObjectValidator.create();
        back.forEach(io -> assertThat(validator.validate(io, typesFor(back))).as(io.code()).isEmpty());
    }
}
