package dev.ioflow.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.persistence.IntegrationObjectStore;
import dev.ioflow.core.persistence.UnitOfWork;
import dev.ioflow.core.persistence.memory.InMemoryItemRepository;
import dev.ioflow.odata.InboundSecurity;
import dev.ioflow.odata.InboundServer;
import dev.ioflow.odata.InboundService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Inbound OData figures (issue targets: $batch upsert of 1,000 new customers over loopback ≥ 5,000 items/s; one POST
 * p99 ≤ 5 ms; OData path ≤ 3× the floor of Jackson parse + direct store), measured side by side in one run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.ioflow.benchmarks.InboundODataBenchmark [rounds]}.
 * A harness rather than JMH because the unit of work is a whole HTTP exchange over loopback.
 */
public final class InboundODataBenchmark {
    /** The customer item. */
    public record Customer(String customerId, String email, String firstName, String lastName) {
    }

    private static final IntegrationObject IO = IntegrationObject.builder("InboundCustomer")
            .item("Customer", i -> i.root().attribute("customerId", a -> a.unique()).attribute("email")
                    .attribute("firstName").attribute("lastName"))
            .build();
    private static final TypeSystem TYPES = JavaTypeSystem.builder().type("Customer", Customer.class).build();
    private static final int BATCH = Integer.getInteger("batch", 200);
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("bench:bench".getBytes(StandardCharsets.UTF_8));

    private InboundODataBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        double bestBatch = 0;
        double bestFloor = 0;
        long[] singles = new long[0];
        for (int round = 0; round < rounds; round++) {
            InboundService service = InboundService.builder().integrationObject(IO, TYPES).repository(new InMemoryItemRepository())
                    .security(InboundSecurity.builder().user("bench", "bench", InboundSecurity.ADMIN_GROUP).build()).build();
            try (InboundServer server = InboundServer.builder(service).port(0).start()) {
                URI root = server.url("InboundCustomer");
                long start = System.nanoTime();
                for (int b = 0; b < 1000 / BATCH; b++) {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(root.resolve("$batch"))
                            .header("Authorization", AUTH).header("Content-Type", "multipart/mixed; boundary=batch")
                            .POST(HttpRequest.BodyPublishers.ofString(batch(round, b * BATCH, BATCH))).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 202 || r.body().contains("HTTP/1.1 4")) {
                        throw new IllegalStateException("batch failed: " + r.statusCode());
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                bestBatch = Math.max(bestBatch, 1000 / seconds);
                singles = new long[1000];
                for (int i = 0; i < singles.length; i++) {
                    long t = System.nanoTime();
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(root.resolve("Customers")).header("Authorization", AUTH)
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(customer("s" + round + "-" + i))).build(), HttpResponse.BodyHandlers.ofString());
                    singles[i] = System.nanoTime() - t;
                    if (r.statusCode() != 201) {
                        throw new IllegalStateException("POST failed: " + r.statusCode());
                    }
                }
            }
            bestFloor = Math.max(bestFloor, floor(round));
        }
        Arrays.sort(singles);
        double p50 = singles[singles.length / 2] / 1e6;
        double p99 = singles[(int) (singles.length * 0.99)] / 1e6;
        System.out.printf("$batch upsert, 1,000 new customers (batches of %d) over loopback: %.0f items/s (best of %d)%n", BATCH, bestBatch, rounds);
        System.out.printf("single POST over loopback: p50 %.2f ms, p99 %.2f ms (last round, 1,000 requests)%n", p50, p99);
        System.out.printf("floor (Jackson parse + direct store upsert, same payloads): %.0f items/s%n", bestFloor);
        System.out.printf("OData $batch path costs %.1fx the floor%n", bestFloor / bestBatch);
    }

    private static double floor(int round) {
        ObjectMapper mapper = new ObjectMapper();
        IntegrationObjectStore store = IntegrationObjectStore.of(IO, TYPES);
        InMemoryItemRepository repository = new InMemoryItemRepository();
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            payloads.add(customer("f" + round + "-" + i).getBytes(StandardCharsets.UTF_8));
        }
        long start = System.nanoTime();
        try (UnitOfWork work = repository.begin()) {
            for (byte[] p : payloads) {
                try {
                    JsonNode tree = mapper.readTree(p);
                    store.upsert(work, store.reader().read("Customer", tree));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            work.commit();
        }
        return 1000 / ((System.nanoTime() - start) / 1e9);
    }

    private static String customer(String id) {
        return "{\"customerId\":\"" + id + "\",\"email\":\"" + id + "@example.org\",\"firstName\":\"First\",\"lastName\":\"Last\"}";
    }

    private static String batch(int round, int from, int count) {
        StringBuilder body = new StringBuilder("--batch\r\nContent-Type: multipart/mixed; boundary=changeset\r\n\r\n");
        for (int i = from; i < from + count; i++) {
            body.append("--changeset\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                    .append("POST Customers HTTP/1.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n\r\n")
                    .append(customer("b" + round + "-" + i)).append("\r\n");
        }
        return body.append("--changeset--\r\n--batch--\r\n").toString();
    }
}
