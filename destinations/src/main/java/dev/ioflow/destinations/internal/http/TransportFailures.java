package dev.ioflow.destinations.internal.http;

import dev.ioflow.destinations.ClientCertificateCredential;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationIOException;
import dev.ioflow.destinations.DestinationIOException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;

/** Classifies transport failures into {@link Kind}s and words them without credentials. */
final class TransportFailures {

    private TransportFailures() {
    }

    static DestinationIOException toException(ConsumedDestination destination, HttpUrl url, IOException e) {
        Kind kind = classify(e);
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        String id = destination.id();
        return new DestinationIOException(id, kind, "Call to destination '" + id + "' (host " + url.host() + ") failed: "
                + kind + " (" + detail + ")" + hint(destination, url, e), e);
    }

    /**
     * With TLS 1.3 a server that refuses the client's certificate (or its absence) does so after the client has
     * finished its side of the handshake: the client sees its request write fail ("Broken pipe", "Connection
     * reset"), not a TLS error. Say what that most likely means.
     */
    private static String hint(ConsumedDestination destination, HttpUrl url, IOException e) {
        Throwable root = rootCause(e);
        boolean closedByServer = root instanceof SocketException
                || (root instanceof SSLException && String.valueOf(root.getMessage()).contains("Received fatal alert"));
        if (!url.isHttps() || !closedByServer) {
            return "";
        }
        return destination.credential() instanceof ClientCertificateCredential
                ? "; the server closed the TLS connection: it may not accept the destination's client certificate"
                : "; the server closed the TLS connection: if it requires a client certificate (mutual TLS), give the"
                        + " destination a client certificate credential";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
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
