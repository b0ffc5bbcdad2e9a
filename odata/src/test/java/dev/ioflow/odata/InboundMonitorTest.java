package dev.ioflow.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
