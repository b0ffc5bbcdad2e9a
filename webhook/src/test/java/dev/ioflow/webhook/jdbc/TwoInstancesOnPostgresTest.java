package dev.ioflow.webhook.jdbc;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
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
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application instances ({@link SharedOutboxApp} in two child JVMs) share one PostgreSQL outbox with a 2 s
 * lease. Instance A saves every customer in several versions while both deliver; every eighth request takes longer
 * than the lease, and while the receiver holds one of A's requests, A is frozen ({@code kill -STOP}) for three
 * leases, so that B takes the entry over and delivers it and the key's newer versions, before A resumes with a
 * claim that no longer holds. Nothing is lost, every customer ends on its newest version, no key sees an older
 * version delivered for the first time after a newer one, and A's stale outcome is refused while B's are applied.
 */
@EnabledOnOs(OS.LINUX)
class TwoInstancesOnPostgresTest {
    private static final int CUSTOMERS = 10;
    private static final int VERSIONS = 3;
    private static final int SLOW_EVERY = 8;
    private static final long SLOW_MILLIS = SharedOutboxApp.LEASE.toMillis() * 3 / 2;
    /** A's request (1-based) during which A is frozen. */
    private static final int FROZEN_AT = 4;
    private static final long FROZEN_MILLIS = SharedOutboxApp.LEASE.toMillis() * 3;
    private static final Pattern CUSTOMER = Pattern.compile(
            "\"customerID\"\\s*:\\s*\"([^\"]+)\".*\"version\"\\s*:\\s*\"(\\d+)\"", Pattern.DOTALL);
    private static final Pattern STALE = Pattern.compile("was lost while delivering it|refused to apply");

    @TempDir
    Path directory;

    private final ConcurrentLinkedQueue<Delivery> received = new ConcurrentLinkedQueue<>();
    private final MockWebServer receiver = new MockWebServer();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger requestsOfA = new AtomicInteger();
    private final AtomicReference<Delivery> frozen = new AtomicReference<>();
    private volatile Process instanceA;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                Delivery delivery = Delivery.of(request);
                received.add(delivery);
                if ("A".equals(delivery.instance()) && requestsOfA.incrementAndGet() == FROZEN_AT) {
                    freezeA(delivery);
                } else if (requests.incrementAndGet() % SLOW_EVERY == 0) {
                    Thread.sleep(SLOW_MILLIS);
                }
                return new MockResponse.Builder().code(200).build();
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void twoInstancesWithDeliveriesSlowerThanTheLeaseLoseNothingAndApplyNoStaleOutcome() throws Exception {
        String postgresUrl = System.getenv(TestDatabases.POSTGRES_URL_VARIABLE);
        assumeTrue(postgresUrl != null && !postgresUrl.isBlank(), TestDatabases.NO_POSTGRES);
        String prefix = TestDatabases.uniquePrefix();
        List<Process> instances = new ArrayList<>();
        try {
            instanceA = start(postgresUrl, prefix, "A", 1, CUSTOMERS, VERSIONS);
            instances.add(instanceA);
            instances.add(start(postgresUrl, prefix, "B", 2, 0, 0));
            awaitNewestEverywhere(instances, prefix);
        } finally {
            for (Process instance : instances) {
                instance.destroyForcibly();
                instance.waitFor(30, TimeUnit.SECONDS);
            }
            TestDatabases.dropTables(TestDatabases.postgres(), prefix);
        }

        Map<String, List<Delivery>> perCustomer = List.copyOf(received).stream()
                .collect(groupingBy(Delivery::customerId, toList()));
        assertThat(perCustomer.keySet()).as("customers delivered").containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, CUSTOMERS).mapToObj(SharedOutboxApp::customerId).toList());
        assertThat(perCustomer).as("per customer: the last delivery carries the newest version")
                .allSatisfy((customer, deliveries) -> assertThat(deliveries.get(deliveries.size() - 1).version())
                        .as(customer).isEqualTo(VERSIONS));
        assertThat(perCustomer).as("per customer: versions in the order of their first delivery")
                .allSatisfy((customer, deliveries) -> assertThat(firstDeliveries(deliveries)).as(customer)
                        .isSorted().doesNotHaveDuplicates());
        Delivery whileFrozen = frozen.get();
        assertThat(whileFrozen).as("A was frozen during one of its deliveries").isNotNull();
        assertThat(received).as("the change A was delivering when frozen, delivered again by B with its message id")
                .contains(new Delivery("B", whileFrozen.messageId(), whileFrozen.customerId(), whileFrozen.version()));
        assertThat(staleOutcomes("A")).as("A's stale outcomes refused; log:%n%s", log("A")).isPositive();
        assertThat(staleOutcomes("B")).as("B's outcomes all applied; log:%n%s", log("B")).isZero();
    }

    /**
     * Waits until A saved everything, the outbox is empty, every customer got its newest version, and A, thawed,
     * has tried to settle the delivery it was frozen in (B may finish everything while A is still frozen).
     */
    private void awaitNewestEverywhere(List<Process> instances, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(50);
        while (!(log("A").contains("SAVED") && newestEverywhere() && rows(prefix) == 0
                && staleOutcomes("A") > 0)) {
            for (Process instance : instances) {
                assertThat(instance.isAlive()).as("instance %s runs; logs:%n%s%n%s", instance.pid(), log("A"),
                        log("B")).isTrue();
            }
            assertThat(deadline - System.nanoTime()).as("all delivered in time: %s; logs:%n%s%n%s",
                    received.size(), log("A"), log("B")).isPositive();
            Thread.sleep(200);
        }
    }

    private boolean newestEverywhere() {
        Map<String, List<Delivery>> perCustomer = List.copyOf(received).stream()
                .collect(groupingBy(Delivery::customerId, toList()));
        return perCustomer.size() == CUSTOMERS && perCustomer.values().stream()
                .allMatch(deliveries -> deliveries.get(deliveries.size() - 1).version() == VERSIONS);
    }

    private static List<Integer> firstDeliveries(List<Delivery> deliveries) {
        List<Integer> versions = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            if (!versions.contains(delivery.version())) {
                versions.add(delivery.version());
            }
        }
        return versions;
    }

    /** Freezes A for three leases while the receiver holds its request, then lets it go on. */
    private void freezeA(Delivery delivery) throws InterruptedException {
        signal(instanceA, "STOP");
        frozen.set(delivery);
        try {
            Thread.sleep(FROZEN_MILLIS);
        } finally {
            signal(instanceA, "CONT");
        }
    }

    private static void signal(Process process, String signal) throws InterruptedException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s", signal).isTrue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot send SIG" + signal + " to " + process.pid(), e);
        }
    }

    private static long rows(String prefix) throws SQLException {
        try (Connection connection = TestDatabases.postgres().getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + prefix + "outbox")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            // the instances have not created the table yet
            return -1;
        }
    }

    private long staleOutcomes(String instance) throws IOException {
        return log(instance).lines().filter(line -> STALE.matcher(line).find()).count();
    }

    private Process start(String jdbcUrl, String prefix, String name, int threads, int customers, int versions)
            throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), SharedOutboxApp.class.getName(),
                jdbcUrl, prefix, receiver.url("/customers").toString(), name, Integer.toString(threads),
                Integer.toString(customers), Integer.toString(versions))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".log").toFile())
                .start();
    }

    private String log(String name) throws IOException {
        Path file = directory.resolve(name + ".log");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(none)";
    }

    /** One request the receiver got. */
    private record Delivery(String instance, String messageId, String customerId, int version) {
        static Delivery of(RecordedRequest request) {
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            Matcher matcher = CUSTOMER.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("unreadable body: " + body);
            }
            return new Delivery(request.getHeaders().get("X-Instance"), request.getHeaders().get("X-Message-Id"),
                    matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
    }
}
