package dev.ioflow.destinations.internal.http;

import dev.ioflow.destinations.ConnectionTestResult;
import dev.ioflow.destinations.ConnectionTestResult.Status;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.CredentialException;
import dev.ioflow.destinations.DestinationConfigException;
import dev.ioflow.destinations.DestinationIOException;
import dev.ioflow.destinations.DestinationResponse;
import dev.ioflow.destinations.DestinationRequest;
import dev.ioflow.destinations.internal.Urls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SAP's "test the endpoint": HEAD (GET after a 405) to the destination URL, the outcome as a value. */
public final class ConnectionTester {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTester.class);

    private final Exchange exchange;
    private final Clock clock;

    /**
     * @param exchange sends the probe requests
     * @param clock the clock for durations
     */
    public ConnectionTester(Exchange exchange, Clock clock) {
        this.exchange = exchange;
        this.clock = clock;
    }

    /** Tests the destination; never throws for transport, HTTP or credential failures. */
    public ConnectionTestResult test(ConsumedDestination destination) {
        Instant start = clock.instant();
        String id = destination.id();
        ConnectionTestResult result;
        if (!destination.active()) {
            result = result(Status.INACTIVE, 0, "Destination '" + id + "' is inactive; nothing was sent", start);
        } else {
            result = probe(destination, start);
        }
        LOG.info("Connection test of destination '{}': {}", id, result.message());
        return result;
    }

    private ConnectionTestResult probe(ConsumedDestination destination, Instant start) {
        String id = destination.id();
        try {
            DestinationResponse response = exchange.send(destination, DestinationRequest.builder().method("HEAD").build());
            if (response.status() == 405) {
                response = exchange.send(destination, DestinationRequest.builder().method("GET").build());
            }
            int code = response.status();
            return result(statusOf(code), code, "Destination '" + id + "' at " + Urls.redacted(destination.url())
                    + " answered HTTP " + code + describe(code), start);
        } catch (DestinationIOException e) {
            return result(statusOf(e.kind()), 0, e.getMessage(), start);
        } catch (CredentialException e) {
            return result(Status.AUTH_REJECTED, 0, e.getMessage(), start);
        } catch (DestinationConfigException e) {
            return result(Status.INSECURE_URL, 0, e.getMessage(), start);
        } catch (RuntimeException e) {
            // A custom credential's interceptor may fail in any way; its message is not ours to trust.
            return result(Status.IO_FAILURE, 0, "Connection test of destination '" + id + "' failed: "
                    + e.getClass().getName(), start);
        }
    }

    private static Status statusOf(int code) {
        if (code == 401 || code == 403) {
            return Status.AUTH_REJECTED;
        }
        if (code == 404) {
            return Status.NOT_FOUND;
        }
        return code >= 500 ? Status.SERVER_ERROR : Status.REACHABLE;
    }

    private static String describe(int code) {
        if (code == 401 || code == 403) {
            return ": credentials rejected";
        }
        if (code >= 300 && code < 400) {
            return ": redirect not followed";
        }
        return code == 404 ? ": URL path not found" : "";
    }

    private static Status statusOf(DestinationIOException.Kind kind) {
        return switch (kind) {
            case DNS -> Status.DNS_FAILURE;
            case CONNECT -> Status.CONNECT_FAILURE;
            case TLS -> Status.TLS_FAILURE;
            case TIMEOUT -> Status.TIMEOUT;
            case IO -> Status.IO_FAILURE;
        };
    }

    private ConnectionTestResult result(Status status, int httpStatus, String message, Instant start) {
        return new ConnectionTestResult(status, httpStatus, message,
                Duration.between(start, clock.instant()));
    }
}
