package dev.ioflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class IntegrationObjectValidatorTest {

    record Customer(String customerID, String contactEmail, Map<Locale, String> name, Address defaultAddress,
                    List<Address> addresses) {
    }

    record Address(String street, String town, Customer owner, Region region) {
    }

    record Region(String isocode) {
    }

    record Catalog(String id) {
    }

    record CatalogVersion(String version, Catalog catalog) {
    }

    record Product(String code, CatalogVersion catalogVersion, Map<Locale, String> name) {
    }

    private static final JavaTypeSystem TYPES = JavaTypeSystem.of(Customer.class);

    private final IntegrationObjectValidator validator = IntegrationObjectValidator.create();

    private static IntegrationObject seed() {
        return IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()).attribute("contactEmail"))
                .build();
    }

    /** The seed IO with these extra attributes on its Customer item. */
    private static IntegrationObject customerWith(Consumer<IntegrationObjectItem.Builder> extra) {
        return IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> {
                    i.root().attribute("customerID", a -> a.unique()).attribute("contactEmail");
                    extra.accept(i);
                })
                .build();
    }

    private static DefinitionProblem problem(String path, String message) {
        return new DefinitionProblem(path, message);
    }

    @Test
    void seedIsValidOverARecordType() {
        assertThat(validator.validate(seed(), TYPES)).isEmpty();
    }

    @Test
    void seedIsValidOverAMapSchema() {
        MapTypeSystem schema = MapTypeSystem.builder()
                .type("Customer", t -> t.attribute("customerID", ValueKind.STRING).attribute("contactEmail", ValueKind.STRING))
                .build();

        assertThat(validator.validate(seed(), schema)).isEmpty();
    }

    private static IntegrationObject ioProduct() {
        return IntegrationObject.builder("ioProduct")
                .item("Product", i -> i.root()
                        .attribute("code", a -> a.unique())
                        .attribute("catalogVersion", a -> a.unique().item("CatalogVersion"))
                        .attribute("name"))
                .item("CatalogVersion", i -> i
                        .attribute("version", a -> a.unique())
                        .attribute("catalog", a -> a.unique().item("Catalog")))
                .item("Catalog", i -> i.attribute("id", a -> a.unique()))
                .build();
    }

    @Test
    void productIoWithNestedUniqueReferencesIsValidOverRecords() {
        assertThat(validator.validate(ioProduct(), JavaTypeSystem.of(Product.class))).isEmpty();
    }

    @Test
    void productIoWithNestedUniqueReferencesIsValidOverMapSchemas() {
        MapTypeSystem schema = MapTypeSystem.builder()
                .type("Product", t -> t.attribute("code", ValueKind.STRING).reference("catalogVersion", "CatalogVersion", false)
                        .localized("name"))
                .type("CatalogVersion", t -> t.attribute("version", ValueKind.STRING).reference("catalog", "Catalog", false))
                .type("Catalog", t -> t.attribute("id", ValueKind.STRING))
                .build();

        assertThat(validator.validate(ioProduct(), schema)).isEmpty();
        assertThat(validator.validate(ioProduct(), MapTypeSystem.derivedFrom(ioProduct()))).isEmpty();
    }

    @Test
    void blankIntegrationObjectCodeIsReported() {
        IntegrationObject io = IntegrationObject.builder(" ")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()))
                .build();

        assertThat(validator.validate(io)).containsExactly(problem("integrationObject", "code must not be blank"));
    }

    @Test
    void separatorInIntegrationObjectCodeIsReported() {
        IntegrationObject io = IntegrationObject.builder("io|Customer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()))
                .build();

        assertThat(validator.validate(io)).containsExactly(problem("io|Customer", "code 'io|Customer' must not contain '|' or '/'"));
    }

    @Test
    void integrationObjectWithoutItemsIsReported() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer").build();

        assertThat(validator.validate(io)).containsExactly(problem("ioCustomer/items", "items must list at least one item"));
    }

    @Test
    void blankItemCodeAndTypeAreReportedAtTheItemsPosition() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()))
                .item("", i -> i.attribute("town", a -> a.unique()))
                .build();

        assertThat(validator.validate(io)).containsExactly(
                problem("ioCustomer/items/[1]", "code must not be blank"),
                problem("ioCustomer/items/[1]", "type must not be blank"));
    }

    @Test
    void separatorInItemCodeIsReported() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Cust/omer", i -> i.type("Customer").root().attribute("customerID", a -> a.unique()))
                .build();

        assertThat(validator.validate(io, TYPES))
                .containsExactly(problem("ioCustomer/items/Cust/omer", "code 'Cust/omer' must not contain '|' or '/'"));
    }

    @Test
    void blankAttributeNameIsReportedAtItsPosition() {
        IntegrationObject io = customerWith(i -> i.attribute(IntegrationObjectAttribute.builder(" ").source("name").build()));

        assertThat(validator.validate(io)).containsExactly(
                problem("ioCustomer/items/Customer/attributes/[2]", "name must not be blank"));
    }

    @Test
    void separatorInAttributeNameIsReported() {
        IntegrationObject io = customerWith(i -> i.attribute("e|mail", a -> a.source("contactEmail")));

        assertThat(validator.validate(io, TYPES)).containsExactly(
                problem("ioCustomer/items/Customer/attributes/e|mail", "name 'e|mail' must not contain '|' or '/'"));
    }

    @Test
    void missingRootIsReported() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.attribute("customerID", a -> a.unique()))
                .build();

        assertThat(validator.validate(io)).containsExactly(problem("ioCustomer/items", "no item is marked as root"));
    }

    @Test
    void moreThanOneRootIsReported() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()))
                .item("Address", i -> i.root().attribute("town", a -> a.unique()))
                .build();

        assertThat(validator.validate(io))
                .containsExactly(problem("ioCustomer/items", "more than one item is marked as root: [Customer, Address]"));
    }

    @Test
    void duplicateItemCodeIsReportedOnce() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()))
                .item("Customer", i -> i.attribute("contactEmail", a -> a.unique()))
                .item("Customer", i -> i.attribute("contactEmail", a -> a.unique()))
                .build();

        assertThat(validator.validate(io))
                .containsExactly(problem("ioCustomer/items/Customer", "item code 'Customer' is declared 3 times"));
    }

    @Test
    void duplicatePayloadNameIsReported() {
        IntegrationObject io = customerWith(i -> i.attribute("contactEmail", a -> a.source("customerID")));

        assertThat(validator.validate(io, TYPES)).containsExactly(problem("ioCustomer/items/Customer/attributes/contactEmail",
                "attribute name 'contactEmail' is declared 2 times in item 'Customer'"));
    }

    @Test
    void attributeWithNeitherSourceNorLogicLocationIsReported() {
        IntegrationObject io = customerWith(i -> i.attribute(IntegrationObjectAttribute.builder("email").source(null).build()));

        assertThat(validator.validate(io, TYPES)).containsExactly(problem("ioCustomer/items/Customer/attributes/email",
                "attribute 'email' has neither a source attribute nor a logic location"));
    }

    @Test
    void undeclaredNestedItemIsReportedWithTheDeclaredOnes() {
        IntegrationObject io = customerWith(i -> i.attribute("addresses", a -> a.item("Adress")));

        assertThat(validator.validate(io)).containsExactly(problem("ioCustomer/items/Customer/attributes/addresses",
                "nested item 'Adress' is not declared in integration object 'ioCustomer' (declared: Customer)"));
    }

    @Test
    void itemWithoutUniqueAttributeIsReported() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID").attribute("contactEmail"))
                .build();

        assertThat(validator.validate(io, TYPES)).containsExactly(
                problem("ioCustomer/items/Customer", "item 'Customer' has no unique attribute, so it has no integration key"));
    }

    @Test
    void uniqueReferenceAloneGivesAnItemItsKey() {
        IntegrationObject io = IntegrationObject.builder("ioAddress")
                .item("Address", i -> i.root().attribute("street").attribute("region", a -> a.unique().item("Region")))
                .item("Region", i -> i.attribute("isocode", a -> a.unique()))
                .build();

        assertThat(validator.validate(io, TYPES)).isEmpty();
    }

    @Test
    void unknownTypeIsReported() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.type("Custmer").root().attribute("customerID", a -> a.unique()))
                .build();

        assertThat(validator.validate(io, TYPES))
                .containsExactly(problem("ioCustomer/items/Customer", "type 'Custmer' does not exist in the type system (known: Customer, Address, Region)"));
    }

    @Test
    void unknownSourceAttributeIsReportedWithTheKnownOnes() {
        IntegrationObject io = customerWith(i -> i.attribute("email", a -> a.source("contactEmial")));

        assertThat(validator.validate(io, TYPES)).containsExactly(problem("ioCustomer/items/Customer/attributes/email",
                "attribute 'contactEmial' does not exist on type 'Customer' (known: customerID, contactEmail, name, defaultAddress, addresses)"));
    }

    @Test
    void nestedItemOnAValueAttributeIsReported() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()).attribute("contactEmail", a -> a.item("Address")))
                .item("Address", i -> i.attribute("town", a -> a.unique()))
                .build();

        assertThat(validator.validate(io, TYPES)).containsExactly(problem("ioCustomer/items/Customer/attributes/contactEmail",
                "attribute 'contactEmail' of type 'Customer' is STRING, not a reference, so it cannot have nested item 'Address'"));
    }

    @Test
    void referenceWithoutNestedItemIsReported() {
        IntegrationObject io = customerWith(i -> i.attribute("defaultAddress"));

        assertThat(validator.validate(io, TYPES)).containsExactly(problem("ioCustomer/items/Customer/attributes/defaultAddress",
                "attribute 'defaultAddress' of type 'Customer' references type 'Address', so it needs a nested item (returnItem)"));
    }

    @Test
    void nestedItemOfAnotherTypeThanTheReferencedOneIsReported() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()).attribute("addresses", a -> a.item("Region")))
                .item("Region", i -> i.attribute("isocode", a -> a.unique()))
                .build();

        assertThat(validator.validate(io, TYPES)).containsExactly(problem("ioCustomer/items/Customer/attributes/addresses",
                "nested item 'Region' is of type 'Region' but attribute 'addresses' of type 'Customer' references type 'Address'"));
    }

    @Test
    void uniqueLocalizedAttributeIsReported() {
        IntegrationObject io = customerWith(i -> i.attribute("name", a -> a.unique()));

        assertThat(validator.validate(io, TYPES)).containsExactly(problem("ioCustomer/items/Customer/attributes/name",
                "attribute 'name' of type 'Customer' is localized, so it cannot be unique (part of the integration key)"));
    }

    @Test
    void uniqueCollectionAttributeIsReported() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID").attribute("addresses", a -> a.unique().item("Address")))
                .item("Address", i -> i.attribute("street", a -> a.unique()))
                .build();

        assertThat(validator.validate(io, TYPES)).containsExactly(problem("ioCustomer/items/Customer/attributes/addresses",
                "attribute 'addresses' of type 'Customer' is a collection, so it cannot be unique (part of the integration key)"));
    }

    @Test
    void cycleOfUniqueReferencesIsReported() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("defaultAddress", a -> a.unique().item("Address")))
                .item("Address", i -> i.attribute("owner", a -> a.unique().item("Customer")))
                .build();

        assertThat(validator.validate(io, TYPES)).containsExactly(problem("ioCustomer/items/Customer",
                "unique references form a cycle Customer -> Address -> Customer, so the integration key would be infinite"));
    }

    @Test
    void cycleOfPartOfReferencesIsReported() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique())
                        .attribute("addresses", a -> a.partOf(true).item("Address")))
                .item("Address", i -> i.attribute("street", a -> a.unique()).attribute("owner", a -> a.partOf(true).item("Customer")))
                .build();

        assertThat(validator.validate(io, TYPES)).containsExactly(problem("ioCustomer/items/Customer",
                "partOf references form a cycle Customer -> Address -> Customer with no plain reference to break it, "
                        + "so the payload would never end"));
    }

    @Test
    void partOfReferenceToItselfIsACycle() {
        IntegrationObject io = IntegrationObject.builder("ioCategory")
                .item("Category", i -> i.root().attribute("code", a -> a.unique()).attribute("parent", a -> a.partOf(true).item("Category")))
                .build();

        assertThat(validator.validate(io)).containsExactly(problem("ioCategory/items/Category",
                "partOf references form a cycle Category -> Category with no plain reference to break it, so the payload would never end"));
    }

    @Test
    void cycleBrokenByAPlainReferenceIsValid() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique())
                        .attribute("addresses", a -> a.partOf(true).item("Address")))
                .item("Address", i -> i.attribute("street", a -> a.unique()).attribute("owner", a -> a.item("Customer")))
                .build();

        assertThat(validator.validate(io, TYPES)).isEmpty();
    }

    @Test
    void virtualAttributesAreNotCheckedAgainstTheType() {
        IntegrationObject io = customerWith(i -> i.virtualAttribute("fullName", "model://fullName"));

        assertThat(validator.validate(io, TYPES)).isEmpty();
    }

    @Test
    void nestedItemOnAnAttributeOfUndeclaredKindIsAccepted() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.root().attribute("customerID", a -> a.unique()).attribute("addresses", a -> a.item("Address")))
                .item("Address", i -> i.attribute("town", a -> a.unique()))
                .build();
        MapTypeSystem schema = MapTypeSystem.builder()
                .type("Customer", t -> t.attribute("customerID", ValueKind.STRING).attribute("addresses", ValueKind.ANY))
                .type("Address", t -> t.attribute("town", ValueKind.STRING))
                .build();

        assertThat(validator.validate(io, schema)).isEmpty();
    }

    @Test
    void definitionOnlyValidationDoesNotLookAtTypes() {
        IntegrationObject io = customerWith(i -> i.attribute("email", a -> a.source("contactEmial")));

        assertThat(validator.validate(io)).isEmpty();
    }

    @Test
    void oneCallReportsEveryProblemInDeclarationOrder() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.type("Customer")
                        .attribute("customerID")
                        .attribute("email", a -> a.source("contactEmial"))
                        .attribute("addresses", a -> a.item("Adress"))
                        .attribute("name", a -> a.unique()))
                .item("Address", i -> i.type("Adress").attribute("", a -> a.source("town").unique()))
                .build();

        assertThat(validator.validate(io, TYPES)).containsExactly(
                problem("ioCustomer/items/Address/attributes/[0]", "name must not be blank"),
                problem("ioCustomer/items", "no item is marked as root"),
                problem("ioCustomer/items/Customer/attributes/addresses",
                        "nested item 'Adress' is not declared in integration object 'ioCustomer' (declared: Customer, Address)"),
                problem("ioCustomer/items/Customer/attributes/email",
                        "attribute 'contactEmial' does not exist on type 'Customer' (known: customerID, contactEmail, name, defaultAddress, addresses)"),
                problem("ioCustomer/items/Customer/attributes/name",
                        "attribute 'name' of type 'Customer' is localized, so it cannot be unique (part of the integration key)"),
                problem("ioCustomer/items/Address", "type 'Adress' does not exist in the type system (known: Customer, Address, Region)"));
    }

    @Test
    void requireValidThrowsWithEveryProblem() {
        IntegrationObject io = IntegrationObject.builder("ioCustomer")
                .item("Customer", i -> i.attribute("customerID").attribute("email", a -> a.source("contactEmial")))
                .build();

        assertThatThrownBy(() -> validator.requireValid(io, TYPES))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems()).hasSize(3))
                .hasMessage("3 problems in definition:\n"
                        + "  ioCustomer/items: no item is marked as root\n"
                        + "  ioCustomer/items/Customer: item 'Customer' has no unique attribute, so it has no integration key\n"
                        + "  ioCustomer/items/Customer/attributes/email: attribute 'contactEmial' does not exist on type 'Customer'"
                        + " (known: customerID, contactEmail, name, defaultAddress, addresses)");
    }

    @Test
    void oneValidatorServesConcurrentCallers() throws Exception {
        IntegrationObject io = customerWith(i -> i.attribute("email", a -> a.source("contactEmial")).attribute("name", a -> a.unique()));
        List<DefinitionProblem> expected = validator.validate(io, TYPES);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<DefinitionProblem>>> results = pool.invokeAll(
                    Collections.nCopies(32, (Callable<List<DefinitionProblem>>) () -> validator.validate(io, TYPES)));
            for (Future<List<DefinitionProblem>> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(expected).hasSize(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requireValidAcceptsAValidDefinition() {
        validator.requireValid(seed(), TYPES);
        validator.requireValid(seed());
    }
}
