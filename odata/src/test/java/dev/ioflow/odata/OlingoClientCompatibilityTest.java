package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.olingo.odata2.api.client.batch.BatchChangeSet;
import org.apache.olingo.odata2.api.client.batch.BatchChangeSetPart;
import org.apache.olingo.odata2.api.client.batch.BatchPart;
import org.apache.olingo.odata2.api.client.batch.BatchSingleResponse;
import org.apache.olingo.odata2.api.edm.Edm;
import org.apache.olingo.odata2.api.edm.EdmEntitySet;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderReadProperties;
import org.apache.olingo.odata2.api.ep.EntityProviderWriteProperties;
import org.apache.olingo.odata2.api.ep.entry.ODataEntry;
import org.apache.olingo.odata2.api.ep.feed.ODataFeed;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client ioflow did not write: Apache Olingo V2's consumer API (the library SAP's services build on), driven only by
 * the EDM it parses from ioflow's {@code $metadata}, writes entries and $batch requests and reads feeds and entries.
 */
class OlingoClientCompatibilityTest {
    private static InboundServer server;
    private static HttpClientSupport http;
    private static Edm edm;

    @BeforeAll
    static void start() throws Exception {
        InboundService service = InboundService.builder()
                .integrationObject(CustomerModels.inboundCustomer(), CustomerModels.records())
                .security(Fixtures.security()).build();
        server = InboundServer.builder(service).port(0).start();
        http = new HttpClientSupport(server.url("InboundCustomer"));
        edm = EntityProvider.readMetadata(stream(http.get("$metadata").body()), true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(ODataResponse response) throws Exception {
        Object entity = response.getEntity();
        return entity instanceof InputStream in ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : String.valueOf(entity);
    }

    @Test
    void aClientBuiltFromTheMetadataWritesAndReadsEntries() throws Exception {
        EdmEntitySet customers = edm.getDefaultEntityContainer().getEntitySet("Customers");
        assertThat(customers.getEntityType().getKeyPropertyNames()).containsExactly("integrationKey");
        Map<String, Object> values = new HashMap<>();
        values.put("customerId", "olingo1");
        values.put("email", "o@x.org");
        values.put("age", 41);
        values.put("integrationKey", "olingo1");
        for (String format : List.of("application/json", "application/atom+xml")) {
            String entry = body(EntityProvider.writeEntry(format, customers, values,
                    EntityProviderWriteProperties.serviceRoot(URI.create("http://client/")).build()));
            HttpResponse<String> created = http.send("POST", "Customers", entry, "Content-Type", format, "Accept", format);
            assertThat(created.statusCode()).as(format + ": " + created.body()).isEqualTo(201);
            ODataEntry read = EntityProvider.readEntry(format, customers, stream(created.body()), EntityProviderReadProperties.init().build());
            assertThat(read.getProperties()).containsEntry("customerId", "olingo1").containsEntry("age", 41)
                    .containsEntry("integrationKey", "olingo1");
        }
        HttpResponse<String> feedResponse = http.get("Customers?$inlinecount=allpages", "Accept", "application/json");
        ODataFeed feed = EntityProvider.readFeed("application/json", customers, stream(feedResponse.body()), EntityProviderReadProperties.init().build());
        assertThat(feed.getEntries()).hasSize(1);
        assertThat(feed.getFeedMetadata().getInlineCount()).isEqualTo(1);
    }

    @Test
    void aClientWrittenBatchIsAnsweredAndParsedByTheClient() throws Exception {
        String json = "{\"customerId\":\"batch1\",\"email\":\"b@x.org\",\"addresses\":[{\"addressId\":\"ba1\",\"town\":\"T\"}]}";
        BatchChangeSet changeSet = BatchChangeSet.newBuilder().build();
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Accept", "application/json");
        changeSet.add(BatchChangeSetPart.method("POST").uri("Customers").body(json).headers(headers).contentId("1").build());
        List<BatchPart> parts = List.of(changeSet);
        String boundary = "batch_compat";
        String request = new String(EntityProvider.writeBatchRequest(parts, boundary).readAllBytes(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send("POST", "$batch", request, "Content-Type", "multipart/mixed; boundary=" + boundary);
        assertThat(response.statusCode()).isEqualTo(202);
        List<BatchSingleResponse> answers = EntityProvider.parseBatchResponse(stream(response.body()),
                response.headers().firstValue("Content-Type").orElseThrow());
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).getStatusCode()).isEqualTo("201");
        assertThat(answers.get(0).getBody()).contains("\"customerId\":\"batch1\"");
        assertThat(http.get("Addresses('ba1')", "Accept", "application/json").statusCode()).isEqualTo(200);
    }
}
