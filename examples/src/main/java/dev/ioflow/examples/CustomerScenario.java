package dev.ioflow.examples;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.JavaTypeSystem;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.emarsys.ContactData;
import dev.ioflow.emarsys.ContactMapping;
import dev.ioflow.emarsys.EmarsysAuthException;
import dev.ioflow.emarsys.EmarsysClient;
import dev.ioflow.emarsys.EmarsysContactTarget;
import dev.ioflow.emarsys.EmarsysException;
import dev.ioflow.emarsys.EmarsysField;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.OutboundMonitor;
import dev.ioflow.webhook.OutboundRequestQuery;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The seed scenario: a storefront's customers become Emarsys contacts through an {@code ioCustomer} webhook.
 *
 * <ol>
 *   <li>Customers {@code c1}…{@code c5} register ({@code cN@example.com}, {@code FirstN}/{@code LastN}).</li>
 *   <li>{@code c2} is saved again without a change: delta detection sends nothing.</li>
 *   <li>{@code c3} changes the e-mail address to {@code c3.new@example.com}: the contact is updated, found by its
 *       customer id (the key field), not by its old address.</li>
 *   <li>{@code c5} is deleted: the contact is deleted.</li>
 * </ol>
 * First the account is checked ({@code GET field}: credentials accepted, customer id field present). Each step
 * waits until its deliveries ended (retries through rate limits and transient errors included), then the five
 * customers are read back from Emarsys. Expected: contacts c1, c2, c3 (new address) and c4.
 *
 * <pre>{@code
 * ScenarioResult result = new CustomerScenario(settings, System.out, Duration.ofMinutes(3)).run();
 * boolean ok = result.allDelivered();
 * }</pre>
 *
 * @since 0.1
 */
public final class CustomerScenario {
    /** The integration object: {@code Customer} with {@code customerID} as its key. */
    public static final IntegrationObject IO_CUSTOMER = IntegrationObject.builder("ioCustomer")
            .item("Customer", item -> item.root()
                    .attribute("customerID", a -> a.unique())
                    .attribute("contactEmail")
                    .attribute("firstName")
                    .attribute("lastName"))
            .build();

    private final EmarsysSettings settings;
    private final PrintStream progress;
    private final Duration timeout;

    /**
     * A scenario against the Emarsys the settings name.
     *
     * @param settings where to send contacts (not {@link EmarsysSettings.Mode#EMBEDDED}: start the stand-in first)
     * @param progress where to report each step
     * @param timeout  how long each step may take to deliver (retries included)
     */
    public CustomerScenario(EmarsysSettings settings, PrintStream progress, Duration timeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The mapping: e-mail to field 3, names to 1 and 2, {@code customerID} to the key field. */
    public static ContactMapping mapping(int customerIdField) {
        return ContactMapping.builder()
                .field("contactEmail", 3)
                .field("firstName", 1)
                .field("lastName", 2)
                .field("customerID", customerIdField)
                .keyField(customerIdField)
                .build()
                .validateAgainst(IO_CUSTOMER);
    }

    /** The customer {@code cN} as registered. */
    public static Customer customer(int n) {
        return new Customer("c" + n, "c" + n + "@example.com", "First" + n, "Last" + n);
    }

    /**
     * Runs the scenario.
     *
     * @throws EmarsysSettingsException when Emarsys refuses the credentials or lacks the customer id field
     *                                  (nothing was sent)
     * @throws EmarsysException         when Emarsys cannot be reached for the account check
     * @throws InterruptedException     when interrupted while waiting for deliveries
     */
    public ScenarioResult run() throws InterruptedException {
        EmarsysClient emarsys = emarsysClient(settings);
        checkAccount(emarsys, settings, progress);
        ContactMapping mapping = mapping(settings.customerIdField());
        OutboundMonitor monitor = OutboundMonitor.builder().keepPayloads(true).build();
        try (WebhookService webhooks = WebhookService.builder().webhook(webhook(emarsys, mapping)).monitor(monitor).build()) {
            webhooks.start();
            List<Customer> registered = IntStream.rangeClosed(1, 5).mapToObj(CustomerScenario::customer).toList();
            step("Register c1..c5 (five storefront sign-ups)", webhooks.saved(registered));
            boolean idle = webhooks.awaitIdle(timeout);
            int unchanged = webhooks.saved(customer(2));
            step("Save c2 again, unchanged", unchanged);
            step("Change c3's e-mail to c3.new@example.com", webhooks.saved(customer(3).withContactEmail("c3.new@example.com")));
            step("Delete c5", webhooks.deleted(customer(5)));
            idle = webhooks.awaitIdle(timeout) && idle;
            return result(webhooks, monitor, mapping, emarsys, idle, unchanged, progress, timeout);
        }
    }

    /** The Emarsys client of the settings' destination. */
    static EmarsysClient emarsysClient(EmarsysSettings settings) {
        DestinationClient destinations = DestinationClient.builder().destination(settings.destination()).build();
        return EmarsysClient.builder().destination(destinations, EmarsysSettings.DESTINATION_ID).build();
    }

    /** The SAVED + DELETED webhook that sends {@code ioCustomer} payloads to Emarsys as contacts. */
    static WebhookConfiguration webhook(EmarsysClient emarsys, ContactMapping mapping) {
        return WebhookConfiguration.builder(PayloadRenderer.of(IO_CUSTOMER, JavaTypeSystem.of(Customer.class)),
                        EmarsysSettings.DESTINATION_ID)
                .eventTypes(ChangeType.SAVED, ChangeType.DELETED)
                .target(EmarsysContactTarget.builder(emarsys, mapping).build())
                .build();
    }

    /**
     * Reports whether the deliveries ended, reads customers c1..c5 back from Emarsys and gathers the result.
     *
     * @param unchanged how many changes the unchanged save queued
     */
    static ScenarioResult result(WebhookService webhooks, OutboundMonitor monitor, ContactMapping mapping, EmarsysClient emarsys,
                                 boolean idle, int unchanged, PrintStream progress, Duration timeout) {
        progress.println(idle ? "All deliveries ended." : "Some deliveries did not end within " + timeout + ".");
        ContactData after = null;
        String problem = null;
        try {
            after = emarsys.getContactData(mapping.keyFieldId(),
                    IntStream.rangeClosed(1, 5).mapToObj(n -> customer(n).customerID()).toList(),
                    List.of(mapping.keyFieldId(), 3, 1, 2));
        } catch (EmarsysException e) {
            problem = e.getMessage();
        }
        return new ScenarioResult(mapping, monitor.query(OutboundRequestQuery.all()), idle,
                webhooks.deadLetters(Integer.MAX_VALUE).size(), unchanged, after, problem);
    }

    /**
     * Fails fast, before any change is recorded, when Emarsys refuses the credentials or the account has no field
     * for {@code customerID}: one {@code GET field}, what SAP calls testing the destination.
     */
    static void checkAccount(EmarsysClient emarsys, EmarsysSettings settings, PrintStream progress) {
        List<EmarsysField> fields;
        try {
            fields = emarsys.listFields();
        } catch (EmarsysAuthException e) {
            throw new EmarsysSettingsException("Emarsys refused the credentials: " + e.getMessage());
        }
        int id = settings.customerIdField();
        EmarsysField field = fields.stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow(() -> new EmarsysSettingsException("the Emarsys account has no field " + id
                        + " to hold customerID: set EMARSYS_CUSTOMER_ID_FIELD to the id of an indexed custom field"));
        progress.println("- Check the account (GET field): " + fields.size() + " fields; customerID goes to field "
                + field.id() + " '" + field.name() + "'");
    }

    private void step(String what, int queued) {
        progress.println("- " + what + ": " + queued + (queued == 1 ? " change" : " changes") + " queued"
                + (queued == 0 ? " (same payload as last delivered: nothing to send)" : ""));
    }
}
