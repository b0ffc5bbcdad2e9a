package dev.ioflow.webhook.jdbc;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the application with SIGKILL in the middle of a delivery and starts it again on the same database: every
 * saved change reaches the receiver, none is lost, and a change sent again carries the message id of its first
 * attempt. The application ({@link CrashTestApp}) runs in child JVMs on this test's class path.
 */
class WebhookCrashTest {
    private static final int CUSTOMERS = 20;
    private static final int HELD_REQUEST = 6;
    /** The batched path: customers saved from 4 threads at once (group commits), 16 claimed per pass. */
    private static final Run BATCHED = new Run(300, 40, 16, 4);
    private static final Pattern CUSTOMER_ID = Pattern.compile("\"customerID\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path directory;

    private final ConcurrentLinkedQueue<Delivery> received = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Delivery> held = new AtomicReference<>();
    private final MockWebServer receiver = new MockWebServer();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    /** The receiver holds this request (1-based) without answering, and the application is killed meanwhile. */
    private volatile int heldRequest = HELD_REQUEST;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                Delivery delivery = new Delivery(request.getHeaders().get("X-Message-Id"), customerId(request));
                received.add(delivery);
                if (requests.incrementAndGet() == heldRequest) {
                    held.set(delivery);
                    holding.countDown();
                    release.await();
                }
                return new MockResponse.Builder().code(200).build();
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        release.countDown();
        receiver.close();
    }

    /** On the PostgreSQL server CI provides when there is one, else on an H2 file. */
    @Test
    void aKilledApplicationLosesNothingAndRedeliversWithTheSameMessageId() throws Exception {
        String postgresUrl = System.getenv(TestDatabases.POSTGRES_URL_VARIABLE);
        if (postgresUrl == null || postgresUrl.isBlank()) {
            crashAndRecover(h2FileUrl(), "ioflow_", new Run(CUSTOMERS, HELD_REQUEST, 1, 1));
            return;
        }
        crashAndRecoverOnPostgres(postgresUrl, new Run(CUSTOMERS, HELD_REQUEST, 1, 1));
    }

    @Test
    void theBatchedPathOnAnH2FileLosesNothingWhenKilled() throws Exception {
        crashAndRecover(h2FileUrl(), "ioflow_", BATCHED);
    }

    @Test
    void theBatchedPathOnPostgresLosesNothingWhenKilled() throws Exception {
        String postgresUrl = System.getenv(TestDatabases.POSTGRES_URL_VARIABLE);
        assumeTrue(postgresUrl != null && !postgresUrl.isBlank(), TestDatabases.NO_POSTGRES);
        crashAndRecoverOnPostgres(postgresUrl, BATCHED);
    }

    /**
     * The H2 file URL the README recommends. DB_CLOSE_DELAY=-1 keeps the database open between connections (the
     * test data source has no pool).
     */
    private String h2FileUrl() {
        return "jdbc:h2:file:" + directory.resolve("outbox").toAbsolutePath() + TestDatabases.H2_FILE_OPTIONS + ";DB_CLOSE_DELAY=-1";
    }

    private void crashAndRecoverOnPostgres(String postgresUrl, Run run) throws Exception {
        String prefix = TestDatabases.uniquePrefix();
        try {
            crashAndRecover(postgresUrl, prefix, run);
        } finally {
            TestDatabases.dropTables(TestDatabases.postgres(), prefix);
        }
    }

    private void crashAndRecover(String jdbcUrl, String prefix, Run run) throws Exception {
        heldRequest = run.heldRequest();
        Process first = startApplication(jdbcUrl, prefix, run, run.customers(), "first");
        awaitHeldRequest(first);
        Delivery inFlight = held.get();

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("the first application was killed").isTrue();
        release.countDown();

        Process second = startApplication(jdbcUrl, prefix, run, 0, "second");
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("the second application finished; log:%n%s",
                log("second")).isTrue();
        assertThat(second.exitValue()).as("exit value; log:%n%s", log("second")).isZero();

        List<Delivery> all = List.copyOf(received);
        Map<String, Set<String>> messageIdsPerCustomer = all.stream()
                .collect(groupingBy(Delivery::customerId, mapping(Delivery::messageId, toSet())));
        assertThat(messageIdsPerCustomer.keySet()).as("customers delivered")
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, run.customers()).mapToObj(CrashTestApp::customerId)
                        .toList());
        assertThat(messageIdsPerCustomer).as("message ids per customer").allSatisfy((customer, messageIds) ->
                assertThat(messageIds).as(customer).hasSize(1).doesNotContainNull());
        assertThat(all).as("the change in flight at the kill was delivered again").filteredOn(inFlight::equals)
                .hasSizeGreaterThanOrEqualTo(2);
    }

    /** Waits until the receiver holds its request, failing early when the application died before. */
    private void awaitHeldRequest(Process application) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!holding.await(100, TimeUnit.MILLISECONDS)) {
            assertThat(application.isAlive()).as("the first application runs; log:%n%s", log("first")).isTrue();
            assertThat(deadline - System.nanoTime()).as("the receiver got request %d in time; log:%n%s",
                    heldRequest, log("first")).isPositive();
        }
    }

    private Process startApplication(String jdbcUrl, String prefix, Run run, int customers, String name)
            throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        // C1 only and the serial collector: the application is short-lived, start-up time is what counts.
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), CrashTestApp.class.getName(),
                jdbcUrl, prefix, receiver.url("/customers").toString(), Integer.toString(customers),
                Integer.toString(run.claimSize()), Integer.toString(run.savers()))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".log").toFile())
                .start();
    }

    private String log(String name) throws IOException {
        Path file = directory.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(none)";
    }

    private static String customerId(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Matcher matcher = CUSTOMER_ID.matcher(body);
        return matcher.find() ? matcher.group(1) : "unreadable body: " + body;
    }

    /**
     * One crash run: customers saved, the request the receiver holds while the application is killed, entries
     * claimed per pass, threads saving.
     */
    private record Run(int customers, int heldRequest, int claimSize, int savers) {
    }

    /** One request the receiver got. */
    private record Delivery(String messageId, String customerId) {
    }
}
