package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.TypeSystem;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.apache.olingo.odata2.api.client.batch.BatchChangeSet;
import org.apache.olingo.odata2.api.client.batch.BatchChangeSetPart;
import org.apache.olingo.odata2.api.client.batch.BatchPart;
import org.apache.olingo.odata2.api.client.batch.BatchQueryPart;
import org.apache.olingo.odata2.api.client.batch.BatchSingleResponse;
import org.apache.olingo.odata2.api.ep.entry.ODataEntry;
import org.apache.olingo.odata2.api.ep.feed.ODataFeed;
import org.apache.olingo.odata2.api.processor.ODataErrorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compatibility with SAP Cloud Integration's OData V2 receiver adapter, which cannot run here: {@link
 * CloudIntegrationReceiver} does what the adapter does with Apache Olingo V2's client-side API only (the EDM from the
 * live {@code $metadata}, entries written and read by Olingo, {@code $batch} written and parsed by Olingo, the CSRF
 * handshake, {@code __next} paging), in JSON and in Atom, over records, JavaBeans and maps.
 */
class CloudIntegrationReceiverTest {
    private InboundServer server;

    static Stream<Arguments> typeSystemsAndFormats() {
        List<Arguments> all = new ArrayList<>();
        for (String format : List.of(CloudIntegrationReceiver.JSON, CloudIntegrationReceiver.ATOM)) {
            all.add(Arguments.of("records", CustomerModels.records(), format));
            all.add(Arguments.of("beans", CustomerModels.beans(), format));
            all.add(Arguments.of("maps", CustomerModels.maps(), format));
        }
        return all.stream();
    }

    static Stream<String> formats() {
        return Stream.of(CloudIntegrationReceiver.JSON, CloudIntegrationReceiver.ATOM);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private CloudIntegrationReceiver customers(TypeSystem types, String format, InboundLimits limits) {
        InboundService service = InboundService.builder().integrationObject(CustomerModels.inboundCustomer(), types)
                .security(Fixtures.security()).limits(limits).build();
        server = InboundServer.builder(service).port(0).start();
        return new CloudIntegrationReceiver(server.url("InboundCustomer"), Fixtures.ADMIN, Fixtures.PASSWORD, format);
    }

    private static Map<String, Object> customer(String id, String email, int age, String... addressIds) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("customerId", id);
        values.put("email", email);
        values.put("age", age);
        if (addressIds.length > 0) {
            List<Map<String, Object>> addresses = new ArrayList<>();
            for (String a : addressIds) {
                addresses.add(Map.of("addressId", a, "town", "T-" + a));
            }
            values.put("addresses", addresses);
        }
        return values;
    }

    private static List<Object> values(List<ODataEntry> entries, String property) {
        List<Object> values = new ArrayList<>();
        entries.forEach(e -> values.add(e.getProperties().get(property)));
        return values;
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("typeSystemsAndFormats")
    void createsDeeplyReadsUpdatesAndDeletesAfterTheCsrfHandshake(String name, TypeSystem types, String format) {
        CloudIntegrationReceiver cpi = customers(types, format, InboundLimits.builder().build());
        assertThat(cpi.fetchCsrfToken()).as("ioflow, like SAP Commerce's inbound services, issues no CSRF token").isNull();

        ODataEntry created = cpi.create("Customers", customer("c1", "a@x.org", 30, "a1", "a2"));
        assertThat(created.getProperties()).containsEntry("customerId", "c1").containsEntry("age", 30)
                .containsEntry("integrationKey", "c1");

        ODataEntry read = cpi.read("Customers", "c1", "?$expand=addresses");
        assertThat(read.getProperties()).containsEntry("email", "a@x.org");
        assertThat(read.getProperties().get("addresses")).isInstanceOf(ODataFeed.class);
        assertThat(values(((ODataFeed) read.getProperties().get("addresses")).getEntries(), "town"))
                .containsExactlyInAnyOrder("T-a1", "T-a2");
        assertThat(cpi.read("Addresses", "a1", "").getProperties()).containsEntry("town", "T-a1");

        assertThat(cpi.update("PATCH", "Customers", "c1", Map.of("email", "p@x.org")).getProperties())
                .containsEntry("email", "p@x.org").containsEntry("age", 30);
        assertThat(cpi.update("MERGE", "Customers", "c1", Map.of("age", 31)).getProperties())
                .containsEntry("email", "p@x.org").containsEntry("age", 31);
        assertThat(cpi.read("Customers", "c1", "").getProperties()).containsEntry("email", "p@x.org").containsEntry("age", 31);

        cpi.delete("Customers", "c1");
        assertThat(cpi.status("Customers", "c1")).isEqualTo(404);
        assertThat(cpi.status("Addresses", "a1")).as("partOf addresses go with their customer").isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("typeSystemsAndFormats")
    void queriesAsTheQueryEditorWritesThemAndFollowsNextLinks(String name, TypeSystem types, String format) {
        CloudIntegrationReceiver cpi = customers(types, format, InboundLimits.builder().defaultPageSize(2).maxPageSize(3).build());
        for (int i = 1; i <= 5; i++) {
            cpi.create("Customers", customer("c" + i, "m" + i + "@x.org", 20 + i, "a" + i));
        }
        List<String> pages = new ArrayList<>();
        List<ODataEntry> all = cpi.readAll("Customers",
                "?$select=customerId,email,age&$filter=age%20gt%2021&$orderby=age%20desc&$inlinecount=allpages", pages);
        assertThat(values(all, "customerId")).containsExactly("c5", "c4", "c3", "c2");
        assertThat(pages).as("server-driven paging: default page size 2").hasSize(2);
        assertThat(all.get(0).getProperties()).containsKeys("customerId", "email", "age").doesNotContainKey("firstName");

        ODataFeed page = cpi.page("Customers", "?$select=customerId,addresses/town&$expand=addresses&$orderby=customerId"
                + "&$top=2&$skip=1&$inlinecount=allpages");
        assertThat(values(page.getEntries(), "customerId")).containsExactly("c2", "c3");
        assertThat(page.getFeedMetadata().getInlineCount()).isEqualTo(5);
        assertThat(page.getFeedMetadata().getNextLink()).as("$top within the maximum: no next link").isNull();
        ODataFeed addresses = (ODataFeed) page.getEntries().get(0).getProperties().get("addresses");
        assertThat(values(addresses.getEntries(), "town")).containsExactly("T-a2");

        List<Object> processedInPages = new ArrayList<>();
        for (int skip = 0; ; skip += 2) {
            List<ODataEntry> entries = cpi.page("Customers", "?$select=customerId&$orderby=customerId&$top=2&$skip=" + skip).getEntries();
            processedInPages.addAll(values(entries, "customerId"));
            if (entries.size() < 2) {
                break;
            }
        }
        assertThat(processedInPages).as("the adapter's own paging ($top/$skip)").containsExactly("c1", "c2", "c3", "c4", "c5");

        List<ODataEntry> capped = cpi.readAll("Customers", "?$orderby=customerId&$top=5", new ArrayList<>());
        assertThat(values(capped, "customerId")).as("a $top above the maximum is served in pages")
                .containsExactly("c1", "c2", "c3", "c4", "c5");
        assertThat(values(cpi.readAll("Customers", "?$filter=email%20eq%20'm2%40x.org'%20or%20customerId%20eq%20'c5'", new ArrayList<>()),
                "customerId")).containsExactlyInAnyOrder("c2", "c5");
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("typeSystemsAndFormats")
    void batchesAChangeSetOfPostsAndAReadAndRollsBackAFailedChangeSet(String name, TypeSystem types, String format) {
        CloudIntegrationReceiver cpi = customers(types, format, InboundLimits.builder().build());
        cpi.fetchCsrfToken();
        List<String> entries = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            entries.add(cpi.entry("Customers", customer("b" + i, "b" + i + "@x.org", 40 + i, "ba" + i)));
        }
        Map<String, String> headers = Map.of("Content-Type", cpi.entryContentType(), "Accept", format);
        BatchChangeSet changeSet = BatchChangeSet.newBuilder().build();
        for (int i = 1; i <= 3; i++) {
            changeSet.add(BatchChangeSetPart.method("POST").uri("Customers").headers(headers).contentId(String.valueOf(i))
                    .body(entries.get(i - 1)).build());
        }
        BatchQueryPart query = BatchQueryPart.method("GET").uri("Customers?$orderby=customerId%20desc&$expand=addresses")
                .headers(Map.of("Accept", format)).build();
        List<BatchSingleResponse> answers = cpi.batch(List.of(changeSet, query));

        assertThat(answers).hasSize(4);
        for (int i = 0; i < 3; i++) {
            BatchSingleResponse answer = answers.get(i);
            assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo("201");
            assertThat(answer.getContentId()).isEqualTo(String.valueOf(i + 1));
            assertThat(cpi.readEntry("Customers", answer.getBody()).getProperties()).containsEntry("customerId", "b" + (i + 1));
        }
        assertThat(answers.get(3).getStatusCode()).isEqualTo("200");
        assertThat(values(cpi.readFeed("Customers", answers.get(3).getBody()).getEntries(), "customerId"))
                .containsExactly("b3", "b2", "b1");

        BatchChangeSet updates = BatchChangeSet.newBuilder().build();
        updates.add(BatchChangeSetPart.method("MERGE").uri("Customers" + cpi.keyPredicate("Customers", "b1")).headers(headers)
                .contentId("u1").body(cpi.entry("Customers", Map.of("age", 50))).build());
        updates.add(BatchChangeSetPart.method("PATCH").uri("Customers" + cpi.keyPredicate("Customers", "b2")).headers(headers)
                .contentId("u2").body(cpi.entry("Customers", Map.of("email", "patched@x.org"))).build());
        updates.add(BatchChangeSetPart.method("DELETE").uri("Customers" + cpi.keyPredicate("Customers", "b3")).contentId("u3").build());
        BatchQueryPart byKey = BatchQueryPart.method("GET").uri("Customers" + cpi.keyPredicate("Customers", "b1"))
                .headers(Map.of("Accept", format)).build();
        List<BatchSingleResponse> updated = cpi.batch(List.of(updates, byKey));
        assertThat(updated).extracting(BatchSingleResponse::getStatusCode).containsExactly("200", "200", "200", "200");
        assertThat(cpi.readEntry("Customers", updated.get(3).getBody()).getProperties()).containsEntry("age", 50);
        assertThat(cpi.read("Customers", "b2", "").getProperties()).containsEntry("email", "patched@x.org").containsEntry("age", 42);
        assertThat(cpi.status("Customers", "b3")).isEqualTo(404);

        BatchChangeSet referencing = BatchChangeSet.newBuilder().build();
        referencing.add(BatchChangeSetPart.method("POST").uri("Customers").headers(headers).contentId("new")
                .body(cpi.entry("Customers", customer("r1", "r@x.org", 60))).build());
        referencing.add(BatchChangeSetPart.method("MERGE").uri("$new").headers(headers).contentId("ref")
                .body(cpi.entry("Customers", Map.of("age", 61))).build());
        List<BatchSingleResponse> referenced = cpi.batch(List.of(referencing));
        assertThat(referenced).extracting(BatchSingleResponse::getStatusCode).as(referenced.get(1).getBody())
                .containsExactly("201", "200");
        assertThat(cpi.read("Customers", "r1", "").getProperties()).as("$new names the entry the change set created")
                .containsEntry("age", 61);

        BatchChangeSet failing = BatchChangeSet.newBuilder().build();
        failing.add(BatchChangeSetPart.method("POST").uri("Customers").headers(headers).contentId("1")
                .body(cpi.entry("Customers", customer("x1", "x@x.org", 1))).build());
        failing.add(BatchChangeSetPart.method("MERGE").uri("Customers" + cpi.keyPredicate("Customers", "missing"))
                .headers(headers).contentId("2").body(cpi.entry("Customers", Map.of("age", 2))).build());
        List<BatchSingleResponse> failed = cpi.batch(List.of(failing));
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getStatusCode()).isEqualTo("404");
        assertThat(cpi.readError(failed.get(0).getBody(), failed.get(0).getHeader("Content-Type")).getErrorCode()).isEqualTo("not_found");
        assertThat(cpi.status("Customers", "x1")).as("a failed change set leaves nothing behind").isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void addressesItemsByTheIntegrationKeyTheServerReturnedWhateverItsCharacters(String format) {
        CloudIntegrationReceiver cpi = customers(CustomerModels.maps(), format, InboundLimits.builder().build());
        String id = "o'Brien ü/x|y@z #1&2";
        String key = (String) cpi.create("Customers", customer(id, "o@x.org", 50)).getProperties().get("integrationKey");
        assertThat(key).as("reserved characters are percent-encoded inside the key, as SAP does").contains("%2F", "%7C", "%40");
        assertThat(cpi.read("Customers", key, "").getProperties()).containsEntry("customerId", id);
        assertThat(cpi.update("MERGE", "Customers", key, Map.of("age", 51)).getProperties()).containsEntry("age", 51);
        assertThat(values(cpi.readAll("Customers", "?$filter=customerId%20eq%20'o''Brien%20%C3%BC%2Fx%7Cy%40z%20%231%262'",
                new ArrayList<>()), "integrationKey")).containsExactly(key);
        cpi.delete("Customers", key);
        assertThat(cpi.status("Customers", key)).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void writesAndFiltersSapTypedValuesAndReferencesOfInboundProduct(String format) {
        InboundService service = InboundService.builder().integrationObject(Fixtures.inboundProduct(), Fixtures.productTypes())
                .security(Fixtures.security()).build();
        server = InboundServer.builder(service).port(0).start();
        CloudIntegrationReceiver cpi = new CloudIntegrationReceiver(server.url("InboundProduct"), Fixtures.ADMIN,
                Fixtures.PASSWORD, format);
        cpi.fetchCsrfToken();
        Map<String, Object> staged = Map.of("version", "Staged", "catalog", Map.of("id", "Default"));
        cpi.create("Catalogs", Map.of("id", "Default"));
        assertThat(cpi.create("CatalogVersions", Map.of("version", "Staged", "active", true, "catalog", Map.of("id", "Default")))
                .getProperties()).containsEntry("integrationKey", "Staged|Default");
        cpi.create("Units", Map.of("code", "pieces", "unitType", "count"));

        Calendar blocked = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        blocked.clear();
        blocked.set(2026, Calendar.JANUARY, 15, 10, 30, 0);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("code", "p1");
        product.put("name", "Name");
        product.put("sapBlocked", true);
        product.put("sapBlockedDate", blocked);
        product.put("sapBaseUnitConversion", 2.5);
        product.put("catalogVersion", staged);
        product.put("unit", Map.of("code", "pieces"));
        product.put("supercategories", List.of(Map.of("code", "cat1", "catalogVersion", staged)));
        product.put("pricerow", List.of(Map.of("price", 9.5, "unit", Map.of("code", "pieces"))));
        ODataEntry created = cpi.create("Products", product);
        assertThat(created.getProperties()).containsEntry("integrationKey", "Staged|Default|p1");

        ODataEntry read = cpi.read("Products", "Staged|Default|p1", "?$expand=catalogVersion,supercategories,pricerow");
        assertThat(read.getProperties()).containsEntry("sapBlocked", true).containsEntry("sapBaseUnitConversion", 2.5)
                .containsEntry("name", "Name");
        assertThat(((Calendar) read.getProperties().get("sapBlockedDate")).getTimeInMillis()).isEqualTo(blocked.getTimeInMillis());
        assertThat(((ODataEntry) read.getProperties().get("catalogVersion")).getProperties()).containsEntry("version", "Staged");
        assertThat(values(((ODataFeed) read.getProperties().get("supercategories")).getEntries(), "code")).containsExactly("cat1");
        assertThat(values(((ODataFeed) read.getProperties().get("pricerow")).getEntries(), "price")).containsExactly(9.5);

        List<ODataEntry> byCatalogVersion = cpi.readAll("Products",
                "?$filter=catalogVersion/integrationKey%20eq%20'Staged%7CDefault'"
                        + "%20and%20sapBlockedDate%20ge%20datetime'2026-01-01T00:00:00'"
                        + "&$expand=catalogVersion&$inlinecount=allpages", new ArrayList<>());
        assertThat(values(byCatalogVersion, "code")).containsExactly("p1");
        assertThat(cpi.readAll("Products", "?$filter=sapBaseUnitConversion%20gt%203.0d", new ArrayList<>())).isEmpty();
        assertThat(values(cpi.readAll("Products", "?$filter=sapBaseUnitConversion%20ge%202.5d%20and%20sapBlocked%20eq%20true",
                new ArrayList<>()), "code")).containsExactly("p1");

        product.put("code", "p2");
        product.put("unit", Map.of("code", "nonexistent"));
        ODataErrorContext error = cpi.refusedCreate("Products", product, 400);
        assertThat(error.getErrorCode()).isEqualTo("missing_nav_property");
        assertThat(error.getMessage()).contains("Unit");
        assertThat(cpi.status("Products", "Staged|Default|p2")).as("nothing of the refused request is kept").isEqualTo(404);
    }
}
