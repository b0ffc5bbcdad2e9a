package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ioflow.core.IntegrationObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What SAP's schemas show beyond plain properties, read and written the way SAP's clients do: enums as navigation
 * properties to an entity type with a unique {@code code} ({@code {"gender":{"code":"MALE"}}}, {@code $expand},
 * navigation, {@code gender/code} in {@code $filter}), and virtual attributes as read-only properties.
 */
class SapSchemaFeaturesTest {
    private static final String EDM = "http://schemas.microsoft.com/ado/2008/09/edm";
    private static InboundServer server;
    private static HttpClientSupport b2b;
    private static HttpClientSupport customers;

    @BeforeAll
    static void start() {
        IntegrationObject customer = IntegrationObject.builder("InboundCustomer")
                .item("Customer", i -> i.root().attribute("customerId", a -> a.unique()).attribute("firstName")
                        .virtualAttribute("greeting", "model://greeting"))
                .build();
        InboundService service = InboundService.builder()
                .integrationObject(Fixtures.inboundB2BCustomer(), Fixtures.b2bTypes())
                .integrationObject(customer, CustomerModels.maps())
                .virtualFunction("model://greeting", item -> "Hello " + ((Map<?, ?>) item).get("firstName"))
                .security(Fixtures.security()).build();
        server = InboundServer.builder(service).port(0).start();
        b2b = new HttpClientSupport(server.url("InboundB2BCustomer"));
        customers = new HttpClientSupport(server.url("InboundCustomer"));
        assertThat(b2b.json("POST", "B2BCustomers", """
                {"customerID":"c1","uid":"u1","email":"u1@example.com","addresses":[
                  {"publicKey":"a1","firstname":"Ann","gender":{"__metadata":{"type":"HybrisCommerceOData.Gender"},"code":"FEMALE"}},
                  {"publicKey":"a2","firstname":"Bob","gender":{"code":"MALE"}}]}""").statusCode()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void enumValuesAreEntitiesWithACodeAsInSapsSchemas() throws Exception {
        JsonNode address = d(b2b.get("Addresses('a1')?$expand=gender", "Accept", "application/json"));
        assertThat(address.at("/gender/code").asText()).isEqualTo("FEMALE");
        assertThat(address.at("/gender/integrationKey").asText()).isEqualTo("FEMALE");
        assertThat(address.at("/gender/__metadata/type").asText()).isEqualTo("HybrisCommerceOData.Gender");

        JsonNode deferred = d(b2b.get("Addresses('a2')", "Accept", "application/json"));
        assertThat(deferred.at("/gender/__deferred/uri").asText()).endsWith("/Addresses('a2')/gender");
        assertThat(d(b2b.get("Addresses('a2')/gender", "Accept", "application/json")).get("code").asText()).isEqualTo("MALE");
    }

    @Test
    void enumsFilterByTheirCodeAndUpdateByCode() throws Exception {
        JsonNode males = d(b2b.get("Addresses?$filter=gender/code%20eq%20'MALE'", "Accept", "application/json"));
        assertThat(males.get("results")).extracting(r -> r.get("publicKey").asText()).containsExactly("a2");

        HttpResponse<String> patched = b2b.json("PATCH", "Addresses('a2')", "{\"gender\":{\"code\":\"UNKNOWN\"}}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(d(b2b.get("Addresses('a2')/gender", "Accept", "application/json")).get("code").asText()).isEqualTo("UNKNOWN");
        b2b.json("PATCH", "Addresses('a2')", "{\"gender\":{\"code\":\"MALE\"}}");
    }

    @Test
    void virtualAttributesAreReadOnlyStringProperties() throws Exception {
        Document metadata = MetadataTest.parse(customers.get("$metadata").body());
        NodeList properties = metadata.getElementsByTagNameNS(EDM, "Property");
        Element greeting = null;
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            if (p.getAttribute("Name").equals("greeting")) {
                greeting = p;
            }
        }
        assertThat(greeting).as("virtual attribute in $metadata").isNotNull();
        assertThat(greeting.getAttribute("Type")).isEqualTo("Edm.String");
        assertThat(greeting.getAttribute("Nullable")).isEqualTo("true");

        HttpResponse<String> created = customers.json("POST", "Customers",
                "{\"customerId\":\"v1\",\"firstName\":\"Vera\",\"greeting\":\"ignored: virtual attributes are read-only\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(d(created).get("greeting").asText()).isEqualTo("Hello Vera");
        assertThat(d(customers.get("Customers('v1')", "Accept", "application/json")).get("greeting").asText()).isEqualTo("Hello Vera");

        HttpResponse<String> filtered = customers.get("Customers?$filter=greeting%20eq%20'x'", "Accept", "application/json");
        assertThat(filtered.statusCode()).isEqualTo(400);
        assertThat(filtered.body()).contains("filter_by_virtual_attribute_not_supported");
    }

    private static JsonNode d(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JsonMapper.builder().build().readTree(response.body()).get("d");
    }
}
