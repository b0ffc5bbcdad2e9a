package dev.ioflow.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.testing.EmarsysStandIn;
import dev.ioflow.webhook.WebhookService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Boots the example on a real database (H2 in memory; PostgreSQL when {@code IOFLOW_TEST_POSTGRES_URL} is set, as in
 * CI) and a random port, and walks the seed scenario over HTTP: a refused sign-up rolls back and sends nothing, a
 * committed one reaches Emarsys, a failing Emarsys shows in the metrics and makes the health indicator DOWN, and
 * replaying the dead letter through the actuator endpoint delivers it.
 */
class CustomerSignUpApplicationTest {
    private static final int CUSTOMER_ID_FIELD = 12345;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String tablePrefix = "ex" + run + "_";

    @Test
    void theSeedScenarioOverHttp() throws Exception {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "ioflow.retry.max-attempts=1",
                "ioflow.poll-interval=100ms", "ioflow.outbox.table-prefix=" + tablePrefix));
        String postgres = System.getenv("IOFLOW_TEST_POSTGRES_URL");
        properties.add("spring.datasource.url=" + (postgres != null && !postgres.isBlank() ? postgres
                : "jdbc:h2:mem:shop-" + run + ";DB_CLOSE_DELAY=-1"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CustomerSignUpApplication.class)
                .properties(properties.toArray(String[]::new)).run()) {
            try {
                scenario(app);
            } finally {
                app.getBean(JdbcTemplate.class).execute("DROP TABLE IF EXISTS " + tablePrefix + "outbox, "
                        + tablePrefix + "outbox_lock, " + tablePrefix + "version_marker");
            }
        }
    }

    private void scenario(ConfigurableApplicationContext app) throws Exception {
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        EmarsysStandIn emarsys = app.getBean(EmarsysStandIn.class);
        WebhookService webhooks = app.getBean(WebhookService.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        String refused = "r-" + run;
        String ada = "a-" + run;
        String bob = "b-" + run;

        // A sign-up the database refuses: the customer row and the change roll back together.
        assertThat(post(base + "/customers", signUp(refused, false)).statusCode()).isEqualTo(400);
        assertThat(webhooks.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE customer_id = ?", Integer.class, refused))
                .isZero();
        assertThat(webhooks.backlog().liveCount()).isZero();
        assertThat(emarsys.contacts()).isEmpty();

        // A committed sign-up is delivered as a contact.
        assertThat(post(base + "/customers", signUp(ada, true)).statusCode()).isEqualTo(201);
        assertThat(webhooks.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(emarsys.contact(CUSTOMER_ID_FIELD, ada)).containsEntry("3", ada + "@example.com");
        assertThat(get(base + "/actuator/health/ioflow").statusCode()).isEqualTo(200);

        // Emarsys fails: with one attempt allowed the change is a dead letter, in the metrics and the health.
        emarsys.failNext(1, 500, "contact");
        assertThat(post(base + "/customers", signUp(bob, true)).statusCode()).isEqualTo(201);
        assertThat(webhooks.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(emarsys.contact(CUSTOMER_ID_FIELD, bob)).isNullOrEmpty();
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        // the listener hears of an outcome just after the outbox settled it: wait for the meters to catch up
        assertThat(deliveries(meters, "dead_letter", 1)).isEqualTo(1);
        assertThat(deliveries(meters, "delivered", 1)).isEqualTo(1);
        HttpResponse<String> health = get(base + "/actuator/health/ioflow");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"DOWN\"");

        // Replaying the dead letters through the actuator endpoint delivers them.
        assertThat(post(base + "/actuator/ioflow", "").statusCode()).isEqualTo(200);
        assertThat(webhooks.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(emarsys.contact(CUSTOMER_ID_FIELD, bob)).containsEntry("1", "First");
        assertThat(get(base + "/actuator/health/ioflow").statusCode()).isEqualTo(200);
    }

    /** The count of {@code ioflow.deliveries{outcome}}, once it reached {@code expected} (or after 10 s). */
    private static double deliveries(MeterRegistry meters, String outcome, double expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double count;
        while ((count = meters.find("ioflow.deliveries").tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count).sum()) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return count;
    }

    private static String signUp(String id, boolean acceptTerms) {
        return "{\"customerID\":\"" + id + "\",\"contactEmail\":\"" + id + "@example.com\",\"firstName\":\"First\","
                + "\"lastName\":\"Last\",\"acceptTerms\":" + acceptTerms + "}";
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
