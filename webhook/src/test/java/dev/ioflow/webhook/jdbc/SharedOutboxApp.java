package dev.ioflow.webhook.jdbc;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.MapTypeSystem;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.destinations.DestinationRegistry;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One of the two application instances {@link TwoInstancesOnPostgresTest} starts in child JVMs on one shared
 * outbox: a {@link WebhookService} that POSTs customers to a receiver, naming itself in an {@code X-Instance} header.
 *
 * <p>Arguments: JDBC URL, table prefix, receiver URL, instance name, delivery threads, number of customers, number
 * of versions. With versions to save it saves every customer in version 1, 2, … (a round per version, a short pause
 * between rounds, so that deliveries and newer saves overlap) and prints {@code SAVED}. Either way it delivers
 * until it is stopped.
 */
public final class SharedOutboxApp {
    static final Duration LEASE = Duration.ofSeconds(2);
    private static final IntegrationObject IO_CUSTOMER = IntegrationObject.builder("ioCustomer")
            .item("Customer", item -> item.root().attribute("customerID", a -> a.unique()).attribute("version"))
            .build();

    private SharedOutboxApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        DataSource database = UrlDataSource.pooled(args[0]);
        String tablePrefix = args[1];
        DestinationRegistry registry = DestinationRegistry.builder()
                .add(ConsumedDestination.builder("receiver", args[2]).header("X-Instance", args[3]).build())
                .build();
        int threads = Integer.parseInt(args[4]);
        int customers = Integer.parseInt(args[5]);
        int versions = Integer.parseInt(args[6]);
        WebhookService webhooks = WebhookService.builder()
                .outbox(JdbcOutbox.builder().dataSource(database).tablePrefix(tablePrefix).createSchema(true).build())
                .markers(JdbcVersionMarkerStore.builder().dataSource(database).tablePrefix(tablePrefix)
                        .createSchema(true).build())
                .destinations(DestinationClient.builder().registry(registry).build())
                .webhook(WebhookConfiguration.builder(
                        PayloadRenderer.of(IO_CUSTOMER, MapTypeSystem.derivedFrom(IO_CUSTOMER)), "receiver").build())
                .threads(threads)
                .lease(LEASE)
                .pollInterval(Duration.ofMillis(50))
                .build();
        webhooks.start();
        for (int version = 1; version <= versions; version++) {
            for (int i = 0; i < customers; i++) {
                webhooks.saved(Map.of("customerID", customerId(i), "version", Integer.toString(version)));
            }
            Thread.sleep(300);
        }
        System.out.println("SAVED");
        Thread.sleep(Long.MAX_VALUE);
    }

    static String customerId(int i) {
        return "c-" + i;
    }
}
