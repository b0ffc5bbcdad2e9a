package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code $metadata}: ioflow's EDMX against an EDMX captured from SAP Commerce, and the service document. */
class MetadataTest {
    private static final String EDM = "http://schemas.microsoft.com/ado/2008/09/edm";
    private static final String SAP = "http://schemas.sap.com/commerce";
    private static final String M = "http://schemas.microsoft.com/ado/2007/08/dataservices/metadata";
    private static InboundServer server;
    private static HttpClientSupport http;

    @BeforeAll
    static void start() {
        InboundService service = InboundService.builder()
                .integrationObject(Fixtures.inboundProduct(), Fixtures.productTypes())
                .integrationObject(Fixtures.inboundB2BCustomer(), Fixtures.b2bTypes())
                .security(Fixtures.security()).build();
        server = InboundServer.builder(service).port(0).start();
        http = new HttpClientSupport(server.url("InboundProduct"));
    }

    /** The captured SAP schemas and the ioflow services compared with them. */
    static List<Arguments> capturedSchemas() {
        return List.of(Arguments.of("InboundProduct", "/sap/InboundProduct-captured-excerpt.edmx"),
                Arguments.of("InboundB2BCustomer", "/sap/InboundB2BCustomer-captured-excerpt.edmx"));
    }

    private static Document ourMetadata(String io) throws Exception {
        return parse(new HttpClientSupport(server.url(io)).get("$metadata").body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void metadataIsEdmxWithSapsEnvelope() throws Exception {
        HttpResponse<String> response = http.get("$metadata");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        Document ours = parse(response.body());
        Element dataServices = (Element) ours.getElementsByTagNameNS("*", "DataServices").item(0);
        assertThat(dataServices.getAttributeNS(M, "DataServiceVersion")).isEqualTo("2.0");
        Element schema = (Element) ours.getElementsByTagNameNS(EDM, "Schema").item(0);
        assertThat(schema.getAttribute("Namespace")).isEqualTo("HybrisCommerceOData");
        assertThat(schema.getAttributeNS(SAP, "schema-version")).isEqualTo("1");
        Element container = (Element) ours.getElementsByTagNameNS(EDM, "EntityContainer").item(0);
        assertThat(container.getAttribute("Name")).isEqualTo("Container");
        assertThat(container.getAttributeNS(M, "IsDefaultEntityContainer")).isEqualTo("true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedSchemas")
    void entityTypesMatchTheCapturedSapSchema(String io, String captured) throws Exception {
        Document sap = parse(resource(captured));
        Document ours = ourMetadata(io);
        Map<String, Element> ourTypes = byName(ours, "EntityType");
        Map<String, Element> sapTypes = byName(sap, "EntityType");
        assertThat(ourTypes.keySet()).containsExactlyInAnyOrderElementsOf(sapTypes.keySet());
        for (Map.Entry<String, Element> e : sapTypes.entrySet()) {
            Element theirs = e.getValue();
            Element mine = ourTypes.get(e.getKey());
            assertThat(keyOf(mine)).as("key of %s", e.getKey()).isEqualTo(keyOf(theirs));
            Map<String, Element> myProps = children(mine, "Property");
            Map<String, Element> sapProps = children(theirs, "Property");
            assertThat(myProps.keySet()).as("properties of %s", e.getKey()).containsExactlyInAnyOrderElementsOf(sapProps.keySet());
            for (Map.Entry<String, Element> p : sapProps.entrySet()) {
                Element sp = p.getValue();
                Element mp = myProps.get(p.getKey());
                String where = e.getKey() + "." + p.getKey();
                assertThat(mp.getAttribute("Type")).as("type of %s", where).isEqualTo(sp.getAttribute("Type"));
                for (String annotation : List.of("IsUnique", "IsLanguageDependent", "Alias")) {
                    assertThat(mp.getAttributeNS(SAP, annotation)).as("s:%s of %s", annotation, where)
                            .isEqualTo(sp.getAttributeNS(SAP, annotation));
                }
                assertThat(mp.getAttribute("Nullable")).as("Nullable of %s", where).isEqualTo(sp.getAttribute("Nullable"));
            }
            Map<String, Element> myNavs = children(mine, "NavigationProperty");
            Map<String, Element> sapNavs = children(theirs, "NavigationProperty");
            assertThat(myNavs.keySet()).as("navigation of %s", e.getKey()).containsExactlyInAnyOrderElementsOf(sapNavs.keySet());
            for (Map.Entry<String, Element> n : sapNavs.entrySet()) {
                String where = e.getKey() + "." + n.getKey();
                for (String attribute : List.of("Relationship", "FromRole", "ToRole", "Nullable")) {
                    assertThat(myNavs.get(n.getKey()).getAttribute(attribute)).as("%s of %s", attribute, where)
                            .isEqualTo(n.getValue().getAttribute(attribute));
                }
                for (String annotation : List.of("IsUnique", "IsAutoCreate", "IsPartOf")) {
                    assertThat(myNavs.get(n.getKey()).getAttributeNS(SAP, annotation)).as("s:%s of %s", annotation, where)
                            .isEqualTo(n.getValue().getAttributeNS(SAP, annotation));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedSchemas")
    void associationsAndSetsMatchTheCapturedSapSchema(String io, String captured) throws Exception {
        Document sap = parse(resource(captured));
        Document ours = ourMetadata(io);
        assertThat(describe(ours, "Association")).containsExactlyInAnyOrderElementsOf(describe(sap, "Association"));
        assertThat(describe(ours, "AssociationSet")).containsExactlyInAnyOrderElementsOf(describe(sap, "AssociationSet"));
        assertThat(describe(ours, "EntitySet")).containsExactlyInAnyOrderElementsOf(describe(sap, "EntitySet"));
    }

    @Test
    void serviceDocumentListsTheEntitySetsInJson() {
        HttpResponse<String> response = http.get("", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"d\":{\"EntitySets\":[")
                .contains("\"Products\"", "\"Categories\"", "\"CatalogVersions\"", "\"Localized___Products\"");
    }

    @Test
    void serviceDocumentDefaultsToAtomXml() {
        HttpResponse<String> response = http.get("");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<service", "<collection href=\"Products\"");
    }

    private static List<String> describe(Document doc, String element) {
        List<String> result = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS(EDM, element);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            StringBuilder text = new StringBuilder(e.getAttribute("Name")).append(' ')
                    .append(e.getAttribute("Association")).append(e.getAttribute("EntityType"));
            NodeList ends = e.getElementsByTagNameNS(EDM, "End");
            for (int j = 0; j < ends.getLength(); j++) {
                Element end = (Element) ends.item(j);
                text.append(" [").append(end.getAttribute("Role")).append(' ').append(end.getAttribute("Type"))
                        .append(end.getAttribute("EntitySet")).append(' ').append(end.getAttribute("Multiplicity")).append(']');
            }
            result.add(text.toString());
        }
        return result;
    }

    private static String keyOf(Element type) {
        return ((Element) type.getElementsByTagNameNS(EDM, "PropertyRef").item(0)).getAttribute("Name");
    }

    private static Map<String, Element> byName(Document doc, String element) {
        Map<String, Element> result = new LinkedHashMap<>();
        NodeList nodes = doc.getElementsByTagNameNS(EDM, element);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            result.put(e.getAttribute("Name"), e);
        }
        return result;
    }

    private static Map<String, Element> children(Element parent, String element) {
        Map<String, Element> result = new LinkedHashMap<>();
        NodeList nodes = parent.getElementsByTagNameNS(EDM, element);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            result.put(e.getAttribute("Name"), e);
        }
        return result;
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = MetadataTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
