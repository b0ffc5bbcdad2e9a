package dev.ioflow.webhook.jdbc;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.jdbc.JdbcVersionMarkerStore;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The application {@link WebhookCrashTest} starts in a child JVM and kills: a {@link WebhookService} over a JDBC
 * outbox that POSTs customers to a receiver.
 *
 * <p>Arguments: JDBC URL, table prefix, receiver URL, number of customers to save. With customers to save it saves
 * them (each save is durable when it returns), prints {@code SAVED}, starts delivering and runs until killed.
 * With none it delivers what the outbox holds, prints {@code IDLE} and exits.
 */
public final class CrashTestApp {
    static final Duration LEASE = Duration.ofSeconds(2);
    private static final IntegrationObject IO_CUSTOMER = IntegrationObject.builder("ioCustomer")
            .item("Customer", item -> item.root().attribute("customerID", a -> a.unique()).attribute("name"))
            .build();

    private CrashTestApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        DataSource database = new UrlDataSource(args[0]);
        String tablePrefix = args[1];
        DestinationRegistry registry = DestinationRegistry.builder()
                .add(ConsumedDestination.builder("receiver", args[2]).build())
                .build();
        int customers = Integer.parseInt(args[3]);
        WebhookService webhooks = WebhookService.builder()
                .outbox(JdbcOutbox.builder().dataSource(database).tablePrefix(tablePrefix).createSchema(true).build())
                .markers(JdbcVersionMarkerStore.builder().dataSource(database).tablePrefix(tablePrefix).build())
                .destinations(DestinationClient.builder().registry(registry).build())
                .webhook(WebhookConfiguration.builder(
                        PayloadRenderer.of(IO_CUSTOMER, MapTypeSystem.derivedFrom(IO_CUSTOMER)), "receiver").build())
                .threads(2)
                .lease(LEASE)
                .pollInterval(Duration.ofMillis(50))
                .build();
        for (int i = 0; i < customers; i++) {
            webhooks.saved(Map.of("customerID", customerId(i), "name", "Customer " + i));
        }
        System.out.println("SAVED " + customers);
        webhooks.start();
        if (customers > 0) {
            Thread.sleep(Long.MAX_VALUE);
        }
        boolean idle = webhooks.awaitIdle(Duration.ofSeconds(60));
        webhooks.close();
        System.out.println(idle ? "IDLE" : "NOT IDLE");
        System.exit(idle ? 0 : 1);
    }

    static String customerId(int i) {
        return "c-" + i;
    }
}
