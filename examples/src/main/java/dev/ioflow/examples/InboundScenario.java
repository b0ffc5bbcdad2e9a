package dev.ioflow.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.emarsys.ContactMapping;
import dev.ioflow.emarsys.EmarsysClient;
import dev.ioflow.odata.InboundSecurity;
import dev.ioflow.odata.InboundServer;
import dev.ioflow.odata.InboundService;
import dev.ioflow.webhook.ChangeInfo;
import dev.ioflow.webhook.OutboundMonitor;
import dev.ioflow.webhook.WebhookEventListener;
import dev.ioflow.webhook.WebhookService;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The inbound scenario: customers arrive from the integration platform (SAP Cloud Integration, say, relaying a CRM)
 * at an {@code InboundCustomer} OData V2 service, are stored, and the {@code ioCustomer} webhook forwards each
 * change to Emarsys: the loop SAP Commerce runs, without SAP Commerce.
 *
 * <ol>
 *   <li>{@code POST Customers} with {@code c1}: stored (201), one change queued.</li>
 *   <li>{@code POST $batch} with one change set holding {@code c2}…{@code c5}: stored together, four changes.</li>
 *   <li>{@code POST Customers} with {@code c2} again, unchanged (an iFlow retry): stored, nothing sent.</li>
 *   <li>{@code POST Customers} with {@code c3}'s new e-mail {@code c3.new@example.com}: an upsert by
 *       {@code customerID}, the contact is updated.</li>
 *   <li>{@code DELETE Customers('c5')}: the contact is deleted.</li>
 *   <li>{@code GET Customers} (ordered, counted) and with a {@code $filter}: what is stored.</li>
 * </ol>
 * The service runs on a free loopback port with Basic authentication over an in-memory store; the platform's calls
 * are JSON. Expected in Emarsys afterwards, as in the {@link CustomerScenario}: contacts c1, c2, c3 (new address)
 * and c4.
 *
 * <pre>{@code
 * ScenarioResult result = new InboundScenario(settings, System.out, Duration.ofMinutes(3)).run();
 * }</pre>
 *
 * @since 0.1
 */
public final class InboundScenario {
    /** The inbound integration object: {@code Customer} with {@code customerID} as its key, entity set {@code Customers}. */
    public static final IntegrationObject INBOUND_CUSTOMER = IntegrationObject.builder("InboundCustomer")
            .item("Customer", item -> item.root()
                    .attribute("customerID", a -> a.unique())
                    .attribute("contactEmail")
                    .attribute("firstName")
                    .attribute("lastName"))
            .build();
    /** The integration platform's technical user. */
    static final String USER = "cpi";
    private static final String PASSWORD = "cpi-secret";

    private final EmarsysSettings settings;
    private final PrintStream progress;
    private final Duration timeout;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * A scenario against the Emarsys the settings name.
     *
     * @param settings where to send contacts (not {@link EmarsysSettings.Mode#EMBEDDED}: start the stand-in first)
     * @param progress where to report each step
     * @param timeout  how long the deliveries of each step may take (retries included)
     */
    public InboundScenario(EmarsysSettings settings, PrintStream progress, Duration timeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Runs the scenario.
     *
     * @throws EmarsysSettingsException when Emarsys refuses the credentials or lacks the customer id field
     *                                  (nothing was sent)
     * @throws dev.ioflow.emarsys.EmarsysException when Emarsys cannot be reached for the account check
     * @throws InterruptedException     when interrupted while waiting for deliveries
     */
    public ScenarioResult run() throws InterruptedException {
        EmarsysClient emarsys = CustomerScenario.emarsysClient(settings);
        CustomerScenario.checkAccount(emarsys, settings, progress);
        ContactMapping mapping = CustomerScenario.mapping(settings.customerIdField());
        OutboundMonitor monitor = OutboundMonitor.builder().keepPayloads(true).build();
        QueuedChanges queued = new QueuedChanges();
        try (WebhookService webhooks = WebhookService.builder().webhook(CustomerScenario.webhook(emarsys, mapping))
                .monitor(monitor).eventListener(queued).build()) {
            webhooks.start();
            InboundService service = InboundService.builder()
                    .integrationObject(INBOUND_CUSTOMER, JavaTypeSystem.of(Customer.class))
                    .security(InboundSecurity.builder().user(USER, PASSWORD, InboundSecurity.CREATE_GROUP,
                            InboundSecurity.VIEW_GROUP, InboundSecurity.DELETE_GROUP).build())
                    .webhooks(webhooks)
                    .build();
            try (InboundServer server = InboundServer.builder(service).port(0).start()) {
                progress.println("- Serve " + server.url(INBOUND_CUSTOMER.code()) + " (user " + USER
                        + ", Basic authentication; saved and deleted customers go to the ioCustomer webhook)");
                IntegrationPlatform cpi = new IntegrationPlatform(server.url(INBOUND_CUSTOMER.code()), USER, PASSWORD);
                step("POST Customers: c1", cpi.post("Customers", json(CustomerScenario.customer(1))), queued.take());
                HttpResponse<String> batch = cpi.batch("Customers",
                        IntStream.rangeClosed(2, 5).mapToObj(n -> json(CustomerScenario.customer(n))).toList());
                step("POST $batch, one change set: c2, c3, c4, c5 (answers " + IntegrationPlatform.partStatuses(batch) + ")",
                        batch, queued.take());
                boolean idle = webhooks.awaitIdle(timeout);
                HttpResponse<String> again = cpi.post("Customers", json(CustomerScenario.customer(2)));
                int unchanged = queued.take();
                step("POST Customers: c2 again, unchanged (an iFlow retry)", again, unchanged);
                step("POST Customers: c3 with e-mail c3.new@example.com (upsert by customerID)",
                        cpi.post("Customers", json(CustomerScenario.customer(3).withContactEmail("c3.new@example.com"))),
                        queued.take());
                step("DELETE Customers('c5')", cpi.delete("Customers('c5')"), queued.take());
                printStored(cpi, "$orderby=customerID&$inlinecount=allpages");
                printStored(cpi, "$filter=contactEmail eq 'c3.new@example.com'");
                idle = webhooks.awaitIdle(timeout) && idle;
                return CustomerScenario.result(webhooks, monitor, mapping, emarsys, idle, unchanged, progress, timeout);
            }
        }
    }

    /** The customer as the platform posts it: the integration object's attributes as a JSON object. */
    private String json(Customer customer) {
        return mapper.createObjectNode().put("customerID", customer.customerID()).put("contactEmail", customer.contactEmail())
                .put("firstName", customer.firstName()).put("lastName", customer.lastName()).toString();
    }

    /** The query with each option's value URL-encoded ({@code $filter=a eq 'b'} → {@code $filter=a%20eq%20%27b%27}). */
    private static String encode(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String option : query.split("&")) {
            int eq = option.indexOf('=');
            encoded.append(encoded.length() == 0 ? "" : "&").append(option, 0, eq + 1)
                    .append(URLEncoder.encode(option.substring(eq + 1), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return encoded.toString();
    }

    private void step(String what, HttpResponse<String> response, int queued) {
        progress.println("- " + what + ": HTTP " + response.statusCode() + "; " + queued
                + (queued == 1 ? " change" : " changes") + " queued"
                + (queued == 0 ? " (same payload as last delivered: nothing to send)" : ""));
    }

    /** {@code GET Customers?<query>} (values not yet URL-encoded), printed as a table of the stored customers. */
    private void printStored(IntegrationPlatform cpi, String query) {
        HttpResponse<String> response = cpi.get("Customers?" + encode(query));
        progress.println("- GET Customers?" + query + ": HTTP " + response.statusCode());
        JsonNode feed;
        try {
            feed = mapper.readTree(response.body()).path("d");
        } catch (IOException e) {
            progress.println("  (not JSON: " + e.getMessage() + ")");
            return;
        }
        TextTable table = TextTable.withColumns("integrationKey", "customerID", "contactEmail", "firstName", "lastName");
        for (JsonNode c : feed.path("results")) {
            table.row(c.path("integrationKey").asText(), c.path("customerID").asText(), c.path("contactEmail").asText(),
                    c.path("firstName").asText(), c.path("lastName").asText());
        }
        progress.print(table.render().indent(2));
        if (feed.has("__count")) {
            progress.println("  __count: " + feed.path("__count").asText());
        }
    }

    /** Counts the changes the webhook service queued since the last {@link #take()}. */
    private static final class QueuedChanges extends WebhookEventListener {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public void changeQueued(ChangeInfo change) {
            count.incrementAndGet();
        }

        int take() {
            return count.getAndSet(0);
        }
    }
}
