package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.persistence.UnitOfWork;
import dev.ioflow.core.persistence.jdbc.JdbcItemRepository;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.WebhookConfiguration;
import dev.ioflow.webhook.WebhookService;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import dev.ioflow.webhook.memory.InMemoryOutbox;
import dev.ioflow.webhook.spi.Outbox;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loop closes in one transaction: with items stored over JDBC and the webhooks' JDBC outbox on the same
 * database, an inbound write and the changes it queues commit together or not at all (here on H2;
 * {@link PostgresWebhookLoopTest} runs the same on PostgreSQL).
 */
class JdbcWebhookLoopTest {
    private static final String OUTBOX = "ioflow_loop_outbox";
    private static final String CUSTOMERS = "ioflow_test_customer";
    private static final String JSON = "application/json";

    private String url;
    private CommitProbeRepository repository;
    private WebhookService webhooks;
    private InboundServer server;
    private HttpClientSupport http;

    /** The JDBC URL of an empty database for this test. */
    protected String url() {
        return "jdbc:h2:mem:loop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** A data source over the same database. */
    protected DataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    @BeforeEach
    void start() throws SQLException {
        url = url();
        TypeSystem types = CustomerModels.records();
        repository = new CommitProbeRepository(new JdbcItemRepository(url, types));
        JdbcOutbox outbox = JdbcOutbox.builder().dataSource(dataSource(url)).tablePrefix("ioflow_loop_").createSchema(true).build();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + OUTBOX); // PostgreSQL: the table outlives earlier runs
        }
        startService(outbox);
    }

    private void startService(Outbox outbox) {
        TypeSystem types = CustomerModels.records();
        // Not started: no worker takes the changes away, so the outbox shows exactly what was queued.
        webhooks = WebhookService.builder().outbox(outbox)
                .webhook(WebhookConfiguration.builder(CustomerModels.inboundCustomer(), types, "emarsys")
                        .eventTypes(ChangeType.SAVED, ChangeType.DELETED).target(batch -> List.of()).build())
                .build();
        InboundService service = InboundService.builder().integrationObject(CustomerModels.inboundCustomer(), types)
                .security(Fixtures.security()).repository(repository).webhooks(webhooks).build();
        server = InboundServer.builder(service).port(0).start();
        http = new HttpClientSupport(server.url("InboundCustomer"));
    }

    @AfterEach
    void stop() {
        server.close();
        webhooks.close();
    }

    @Test
    void theItemAndItsOutboxRowAreWrittenInTheSameTransaction() throws SQLException {
        List<String> seen = new ArrayList<>();
        repository.beforeCommit(work -> {
            Connection own = work.unwrap(Connection.class);
            seen.add("in the unit of work: " + rows(own, CUSTOMERS) + " customer, " + rows(own, OUTBOX) + " change");
            try (Connection other = DriverManager.getConnection(url)) {
                seen.add("elsewhere: " + rows(other, CUSTOMERS) + " customer, " + rows(other, OUTBOX) + " change");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(http.json("POST", "Customers", customer("c1")).statusCode()).isEqualTo(201);

        assertThat(seen).containsExactly("in the unit of work: 1 customer, 1 change", "elsewhere: 0 customer, 0 change");
        assertThat(committedCustomers()).isEqualTo(1);
        assertThat(queued()).containsExactly("SAVED c1");
    }

    @Test
    void aCommitThatFailsAfterTheChangesWereHandedOverQueuesNothing() throws SQLException {
        repository.failCommits(true);
        HttpResponse<String> failed = http.json("POST", "Customers", customer("c1"));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("IllegalStateException", "at dev.");
        assertThat(committedCustomers()).isZero();
        assertThat(queued()).as("the change rolled back with the item").isEmpty();

        repository.failCommits(false);
        assertThat(http.json("POST", "Customers", customer("c1")).statusCode()).as("the retry").isEqualTo(201);
        assertThat(queued()).as("no trace of the rolled-back change hides the retry's").containsExactly("SAVED c1");
    }

    @Test
    void aFailingPostPersistHookQueuesNothing() throws SQLException {
        server.close();
        webhooks.close();
        TypeSystem types = CustomerModels.records();
        webhooks = WebhookService.builder()
                .outbox(JdbcOutbox.builder().dataSource(dataSource(url)).tablePrefix("ioflow_loop_").build())
                .webhook(WebhookConfiguration.builder(CustomerModels.inboundCustomer(), types, "emarsys")
                        .eventTypes(ChangeType.SAVED).target(batch -> List.of()).build())
                .build();
        InboundService service = InboundService.builder().integrationObject(CustomerModels.inboundCustomer(), types)
                .security(Fixtures.security()).repository(repository).webhooks(webhooks)
                .postPersistHook("failing", (item, context) -> {
                    throw new IllegalStateException("refused");
                })
                .build();
        server = InboundServer.builder(service).port(0).start();
        http = new HttpClientSupport(server.url("InboundCustomer"));

        HttpResponse<String> failed = http.json("POST", "Customers", customer("c1"), "Post-Persist-Hook", "failing");

        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(failed.body()).contains("post_persist_error");
        assertThat(committedCustomers()).isZero();
        assertThat(queued()).isEmpty();
    }

    @Test
    void aBatchChangeSetQueuesExactlyItsChangesOrNothing() throws SQLException {
        HttpResponse<String> ok = sendBatch(changeSet(post("1", customer("b1")) + post("2", customer("b2"))));
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(ok.body()).contains("HTTP/1.1 201", "Content-Id: 2");
        assertThat(queued()).containsExactly("SAVED b1", "SAVED b2");

        HttpResponse<String> failing = sendBatch(changeSet(post("3", customer("b3")) + post("4", "{\"customerId\":\"b4\",\"bad\":1}")));
        assertThat(failing.statusCode()).isEqualTo(202);
        assertThat(failing.body()).contains("HTTP/1.1 400", "invalid_property");

        repository.failCommits(true);
        HttpResponse<String> refused = sendBatch(changeSet(post("5", customer("b5")) + post("6", customer("b6"))));
        assertThat(refused.statusCode()).as("a change set whose commit fails").isEqualTo(500);

        assertThat(committedCustomers()).isEqualTo(2);
        assertThat(queued()).as("the failed change sets queued nothing").containsExactly("SAVED b1", "SAVED b2");
    }

    @Test
    void aDeleteQueuesItsChangeInTheSameTransaction() throws SQLException {
        assertThat(http.json("POST", "Customers", customer("c1")).statusCode()).isEqualTo(201);
        repository.failCommits(true);
        assertThat(http.send("DELETE", "Customers('c1')", "").statusCode()).isEqualTo(500);
        assertThat(queued()).containsExactly("SAVED c1");
        repository.failCommits(false);
        assertThat(http.send("DELETE", "Customers('c1')", "").statusCode()).isEqualTo(200);
        assertThat(committedCustomers()).isZero();
        assertThat(queued()).as("the delete replaced the pending save").containsExactly("DELETED c1");
    }

    /**
     * The workers poll once a minute here, and the only one is asleep when the POST comes: the change reaches the
     * receiver long before the next poll because the committed request wakes the worker.
     */
    @Test
    void aCommittedWriteWakesTheSleepingWorkerInsteadOfWaitingForItsPoll() throws Exception {
        server.close();
        webhooks.close();
        List<Thread> workers = new ArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "loop-worker");
            workers.add(thread);
            return thread;
        });
        try (MockWebServer receiver = new MockWebServer()) {
            receiver.start();
            receiver.enqueue(new MockResponse.Builder().code(204).build());
            TypeSystem types = CustomerModels.records();
            webhooks = WebhookService.builder()
                    .outbox(JdbcOutbox.builder().dataSource(dataSource(url)).tablePrefix("ioflow_loop_").build())
                    .destinations(DestinationClient.builder().destination(ConsumedDestination
                            .builder("emarsys", receiver.url("/contacts").toString()).build()).build())
                    .webhook(WebhookConfiguration.builder(CustomerModels.inboundCustomer(), types, "emarsys")
                            .eventTypes(ChangeType.SAVED).build())
                    .threads(1).executor(executor).pollInterval(Duration.ofMinutes(1)).build();
            webhooks.start();
            InboundService service = InboundService.builder().integrationObject(CustomerModels.inboundCustomer(), types)
                    .security(Fixtures.security()).repository(repository).webhooks(webhooks).build();
            server = InboundServer.builder(service).port(0).start();
            http = new HttpClientSupport(server.url("InboundCustomer"));
            awaitSleeping(workers);

            assertThat(http.json("POST", "Customers", customer("c1")).statusCode()).isEqualTo(201);

            RecordedRequest delivered = receiver.takeRequest(20, TimeUnit.SECONDS);
            assertThat(delivered).as("delivered before the worker's next poll, a minute away").isNotNull();
            assertThat(delivered.getBody().utf8()).contains("c1@example.com");
            assertThat(receiver.getRequestCount()).isEqualTo(1);
        } finally {
            webhooks.close();
            executor.shutdownNow();
        }
    }

    /** Waits until the one worker thread sleeps until its next poll (a timed wait; it starts with an empty outbox). */
    private static void awaitSleeping(List<Thread> workers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (workers.isEmpty() || workers.get(0).getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("the worker went to sleep").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void withAnInMemoryOutboxTheChangesAreRecordedOnTheirOwnAsBefore() {
        server.close();
        webhooks.close();
        InMemoryOutbox outbox = new InMemoryOutbox();
        startService(outbox);
        assertThat(http.json("POST", "Customers", customer("c1")).statusCode()).isEqualTo(201);
        assertThat(outbox.liveCount()).isEqualTo(1);
    }

    private static String customer(String id) {
        return "{\"customerId\":\"" + id + "\",\"email\":\"" + id + "@example.com\"}";
    }

    private static String changeSet(String operations) {
        return "--batch\r\nContent-Type: multipart/mixed; boundary=changeset\r\n\r\n" + operations + "--changeset--\r\n--batch--\r\n";
    }

    private static String post(String id, String body) {
        return "--changeset\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: " + id
                + "\r\n\r\nPOST Customers HTTP/1.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n\r\n" + body + "\r\n";
    }

    private HttpResponse<String> sendBatch(String body) {
        return http.send("POST", "$batch", body, "Content-Type", "multipart/mixed; boundary=batch", "Accept", JSON);
    }

    private long committedCustomers() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            return rows(connection, CUSTOMERS);
        }
    }

    /** The committed outbox rows as "TYPE key", in the order they were queued. */
    private List<String> queued() throws SQLException {
        List<String> changes = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement select = connection.prepareStatement("SELECT change_type, integration_key FROM " + OUTBOX + " ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                changes.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return changes;
    }

    private static long rows(Connection connection, String table) {
        try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
