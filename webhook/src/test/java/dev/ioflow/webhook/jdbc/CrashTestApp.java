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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * The application {@link WebhookCrashTest} starts in a child JVM and kills: a {@link WebhookService} over a JDBC
 * outbox that POSTs customers to a receiver.
 *
 * <p>Arguments: JDBC URL, table prefix, receiver URL, number of customers to save, and optionally the claim size
 * (default 1) and the number of threads saving (default 1). With customers to
 * save it saves them (each save is durable when it returns), prints {@code SAVED}, starts delivering and runs until
 * killed. With none it delivers what the outbox holds, prints {@code IDLE} and exits. With several saving threads,
 * each saves single items concurrently (appends share group commits) and the workers claim and settle
 * {@code claimSize} entries per pass: the batched path.
 */
public final class CrashTestApp {
    static final Duration LEASE = Duration.ofSeconds(2);
    private static final IntegrationObject IO_CUSTOMER = IntegrationObject.builder("ioCustomer")
            .item("Customer", item -> item.root().attribute("customerID", a -> a.unique()).attribute("name"))
            .build();

    private CrashTestApp() {
    }

    public static void main(String[] args) throws Exception {
        DataSource database = UrlDataSource.pooled(args[0]);
        String tablePrefix = args[1];
        DestinationRegistry registry = DestinationRegistry.builder()
                .add(ConsumedDestination.builder("receiver", args[2]).build())
                .build();
        int customers = Integer.parseInt(args[3]);
        int claimSize = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        int savers = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        WebhookService webhooks = WebhookService.builder()
                .outbox(JdbcOutbox.builder().dataSource(database).tablePrefix(tablePrefix).createSchema(true).build())
                .markers(JdbcVersionMarkerStore.builder().dataSource(database).tablePrefix(tablePrefix).build())
                .destinations(DestinationClient.builder().registry(registry).build())
                .webhook(WebhookConfiguration.builder(
                        PayloadRenderer.of(IO_CUSTOMER, MapTypeSystem.derivedFrom(IO_CUSTOMER)), "receiver").build())
                .threads(2)
                .claimSize(claimSize)
                .lease(LEASE)
                .pollInterval(Duration.ofMillis(50))
                .build();
        if (savers == 1) {
            for (int i = 0; i < customers; i++) {
                webhooks.saved(customer(i));
            }
        } else {
            ExecutorService saving = Executors.newFixedThreadPool(savers);
            List<Future<?>> saved = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                Map<String, Object> customer = customer(i);
                saved.add(saving.submit(() -> webhooks.saved(customer)));
            }
            for (Future<?> save : saved) {
                save.get();
            }
            saving.shutdown();
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

    private static Map<String, Object> customer(int i) {
        return Map.of("customerID", customerId(i), "name", "Customer " + i);
    }

    static String customerId(int i) {
        return "c-" + i;
    }
}
