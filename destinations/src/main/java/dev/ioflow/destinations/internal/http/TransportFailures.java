package dev.ioflow.destinations.internal.http;

import dev.ioflow.destinations.DestinationIOException;
import dev.ioflow.destinations.DestinationIOException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Classifies transport failures into {@link Kind}s and words them without credentials. */
final class TransportFailures {

    private TransportFailures() {
    }

    static DestinationIOException toException(String destinationId, String host, IOException e) {
        Kind kind = classify(e);
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new DestinationIOException(destinationId, kind,
                "Call to destination '" + destinationId + "' (host " + host + ") failed: " + kind + " (" + detail + ")", e);
    }

    static Kind classify(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return Kind.DNS;
            }
            if (t instanceof SSLException) {
                return Kind.TLS;
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof PortUnreachableException) {
                return Kind.CONNECT;
            }
            // SocketTimeoutException (connect/read/write) and OkHttp's call timeout are InterruptedIOExceptions.
            if (t instanceof InterruptedIOException) {
                return Kind.TIMEOUT;
            }
        }
        return Kind.IO;
    }
}
