package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.monitoring.MonitorCleanup;
import dev.ioflow.core.monitoring.MonitorPage;
import dev.ioflow.core.monitoring.MonitorStore;
import dev.ioflow.odata.jdbc.JdbcInboundRequestStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class InboundMonitorTest {
    private static final String JSON = "application/json";

    @Test
    void recordsEachRequestWithKeysHeadersUserAndErrors() {
        InboundMonitor monitor = InboundMonitor.builder().errorPayloads(true).build();
        try (InboundServer server = customerServer(monitor)) {
            HttpClientSupport http = new HttpClientSupport(server.url("InboundCustomer"));
            http.json("POST", "Customers", "{\"customerId\":\"c1\"}", "SAP-PASSPORT", "2A54482A", "integrationMessageId", "m-1");
            http.json("POST", "Customers", "{\"customerId\":\"c2\",\"bad\":true}");
        }
        List<InboundRequest> records = monitor.requests();
        assertThat(records).hasSize(2);
        InboundRequest ok = records.get(0);
        assertThat(ok.status()).isEqualTo(InboundRequestStatus.SUCCESS);
        assertThat(ok.integrationObject()).isEqualTo("InboundCustomer");
        assertThat(ok.method()).isEqualTo("POST");
        assertThat(ok.integrationKeys()).containsExactly("c1");
        assertThat(ok.sapPassport()).isEqualTo("2A54482A");
        assertThat(ok.messageId()).isEqualTo("m-1");
        assertThat(ok.user()).isEqualTo(Fixtures.ADMIN);
        assertThat(ok.payload()).as("success payloads are off by default").isNull();
        InboundRequest failed = records.get(1);
        assertThat(failed.status()).isEqualTo(InboundRequestStatus.ERROR);
        assertThat(failed.httpStatus()).isEqualTo(400);
        assertThat(failed.errorCode()).isEqualTo("invalid_property");
        assertThat(failed.errorMessage()).contains("bad");
        assertThat(new String(failed.payload())).contains("\"customerId\":\"c2\"");
    }

    @Test
    void recordsAuthenticationAuthorizationAndUnknownTargetFailuresWithoutCredentials() {
        InboundMonitor monitor = InboundMonitor.builder().errorPayloads(true).build();
        try (InboundServer server = customerServer(monitor)) {
            HttpClientSupport http = new HttpClientSupport(server.url("InboundCustomer"));
            assertThat(http.as(Fixtures.ADMIN, "s3cret-guess").json("POST", "Customers", "{\"customerId\":\"c1\"}").statusCode())
                    .isEqualTo(401);
            assertThat(http.anonymous().get("Customers").statusCode()).isEqualTo(401);
            assertThat(http.as("viewer", "pw").json("POST", "Customers", "{\"customerId\":\"c2\"}").statusCode()).isEqualTo(403);
            assertThat(http.get("NoSuchSet").statusCode()).isEqualTo(404);
            HttpClientSupport unknownService = new HttpClientSupport(server.url("NoSuchService"));
            assertThat(unknownService.get("Customers").statusCode()).isEqualTo(404);
        }
        List<InboundRequest> records = monitor.requests();
        assertThat(records).extracting(r -> r.method() + " " + r.httpStatus() + " " + r.integrationObject() + " " + r.user())
                .containsExactly("POST 401 InboundCustomer null", "GET 401 InboundCustomer null",
                        "POST 403 InboundCustomer viewer", "GET 404 InboundCustomer admin", "GET 404 NoSuchService null");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(InboundRequestStatus.ERROR);
            assertThat(r.errorCode()).isNotBlank();
            assertThat(r.toString()).doesNotContain("s3cret-guess", "Basic ");
            assertThat(r.payload()).as("bodies of unauthenticated or unauthorized requests are not kept").isNull();
        });
        assertThat(records.get(0).errorCode()).isEqualTo("unauthorized");
        assertThat(records.get(2).errorCode()).isEqualTo("forbidden");
        assertThat(records.get(3).errorCode()).isEqualTo("not_found");
    }

    @Test
    void aTunnelledMethodIsRecordedAsTheMethodItTunnels() {
        InboundMonitor monitor = InboundMonitor.builder().build();
        try (InboundServer server = customerServer(monitor)) {
            HttpClientSupport http = new HttpClientSupport(server.url("InboundCustomer"));
            assertThat(http.json("POST", "Customers", "{\"customerId\":\"c1\"}").statusCode()).isEqualTo(201);
            assertThat(http.json("POST", "Customers('c1')", "{\"email\":\"c1@example.com\"}", "X-HTTP-Method", "MERGE")
                    .statusCode()).isLessThan(300);
            assertThat(http.json("POST", "Customers('c1')", "{\"email\":\"c@example.com\"}", "X-HTTP-Method", "patch")
                    .statusCode()).isLessThan(300);
            assertThat(http.json("POST", "Customers('c1')", "", "X-HTTP-Method", "DELETE").statusCode()).isEqualTo(200);
        }
        assertThat(monitor.requests()).extracting(InboundRequest::method).containsExactly("POST", "MERGE", "PATCH", "DELETE");
    }

    @Test
    void aServiceKeepsItsRecordsInADatabaseQueryableAfterARestart() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:inbound-monitor-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        InboundMonitor monitor = InboundMonitor.builder().errorPayloads(true)
                .store(JdbcInboundRequestStore.builder().dataSource(database).createSchema(true).build()).build();
        try (InboundServer server = customerServer(monitor)) {
            HttpClientSupport http = new HttpClientSupport(server.url("InboundCustomer"));
            http.json("POST", "Customers", "{\"customerId\":\"c1\"}", "integrationMessageId", "m-1");
            http.json("POST", "Customers", "{\"customerId\":\"c2\",\"bad\":true}");
            http.json("POST", "Customers('c1')", "", "X-HTTP-Method", "DELETE");
        }

        InboundMonitor restarted = InboundMonitor.builder()
                .store(JdbcInboundRequestStore.builder().dataSource(database).build()).build();
        assertThat(restarted.query(InboundRequestQuery.builder().integrationKey("c1").build()))
                .extracting(r -> r.method() + " " + r.httpStatus()).containsExactly("DELETE 200", "POST 201");
        MonitorPage<InboundRequest> errors = restarted.page(InboundRequestQuery.builder()
                .status(InboundRequestStatus.ERROR).build());
        assertThat(errors.total()).isEqualTo(1);
        assertThat(errors.records().get(0).errorCode()).isEqualTo("invalid_property");
        assertThat(new String(errors.records().get(0).payload())).contains("\"bad\":true");
        assertThat(restarted.query(InboundRequestQuery.builder().messageId("m-1").build())).hasSize(1);
    }

    @Test
    void aFailingMonitoringStoreDoesNotFailTheRequest() {
        MonitorStore<InboundRequest, InboundRequestQuery> broken = new MonitorStore<>() {
            @Override
            public void add(InboundRequest record) {
                throw new IllegalStateException("monitoring database down");
            }

            @Override
            public MonitorPage<InboundRequest> query(InboundRequestQuery query) {
                return new MonitorPage<>(List.of(), 0, 0);
            }

            @Override
            public int delete(MonitorCleanup cleanup) {
                return 0;
            }

            @Override
            public long count() {
                return 0;
            }
        };
        InboundMonitor monitor = InboundMonitor.builder().store(broken).build();
        try (InboundServer server = customerServer(monitor)) {
            HttpClientSupport http = new HttpClientSupport(server.url("InboundCustomer"));
            assertThat(http.json("POST", "Customers", "{\"customerId\":\"c1\"}").statusCode()).isEqualTo(201);
            assertThat(http.get("Customers('c1')").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aGivenStoreIsNotBoundedByMaxRecords() {
        assertThatThrownBy(() -> InboundMonitor.builder().maxRecords(10).store(InboundMonitor.inMemoryStore(5)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("drop maxRecords(10)");
    }

    private static InboundServer customerServer(InboundMonitor monitor) {
        InboundService service = InboundService.builder()
                .integrationObject(CustomerModels.inboundCustomer(), CustomerModels.maps())
                .security(Fixtures.security()).monitor(monitor).build();
        return InboundServer.builder(service).port(0).start();
    }

    @Test
    void dropsRecordsAfterTheRetention() {
        MutableClock clock = new MutableClock();
        InboundMonitor monitor = InboundMonitor.builder().clock(clock).retention(Duration.ofDays(7)).build();
        monitor.record(InboundRequest.builder().creationTime(clock.instant()).integrationObject("IO").method("GET").httpStatus(200).build());
        clock.now = clock.now.plus(Duration.ofDays(8));
        monitor.record(InboundRequest.builder().creationTime(clock.instant()).integrationObject("IO").method("GET").httpStatus(200).build());
        assertThat(monitor.requests()).hasSize(1);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
