package dev.ioflow.odata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The embedded default: serves an {@link InboundService} with the JDK's built-in HTTP server, no container needed.
 * Plain HTTP is only allowed on a loopback address; anywhere else pass an {@link SSLContext} and the server speaks
 * HTTPS (SAP Commerce answers plain HTTP with a redirect to HTTPS; ioflow refuses to start instead).
 *
 * <p>Latency: the JDK server writes a response's headers and body in separate TCP segments, so with Nagle's
 * algorithm on a small response may wait for the client's delayed ACK (up to 40 ms on Linux). The JDK turns Nagle
 * off only through the JVM-wide system property {@code sun.net.httpserver.nodelay}, read once when its server first
 * loads; ioflow leaves it alone unless asked: start the JVM with {@code -Dsun.net.httpserver.nodelay=true}, or opt in
 * with {@link Builder#tcpNoDelay(boolean)}.
 *
 * <pre>{@code
 * try (InboundServer server = InboundServer.builder(service).port(0).start()) {
 *     URI products = server.url("InboundProduct").resolve("Products");
 * }
 * }</pre>
 *
 * @since 1.0
 */
public final class InboundServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final String scheme;

    private InboundServer(HttpServer server, ExecutorService executor, String scheme) {
        this.server = server;
        this.executor = executor;
        this.scheme = scheme;
    }

    /** Starts a server for this service: loopback, a free port. */
    public static Builder builder(InboundService service) {
        return new Builder(service);
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The service root of integration object {@code ioCode}, e.g. {@code http://127.0.0.1:8080/odata2webservices/InboundProduct/}. */
    public URI url(String ioCode) {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create(scheme + "://" + host + ":" + address.getPort() + InboundService.BASE_PATH + "/" + ioCode + "/");
    }

    /** Stops accepting requests, lets running ones finish for up to a second, and releases the threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serve(InboundService service, String scheme, HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || host.isBlank()) {
                InetSocketAddress local = exchange.getLocalAddress();
                host = local.getAddress().getHostAddress() + ":" + local.getPort();
            }
            URI uri;
            try {
                uri = URI.create(scheme + "://" + host + exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
            } catch (IllegalArgumentException e) {
                uri = URI.create(scheme + "://127.0.0.1" + exchange.getRequestURI().getRawPath());
            }
            InboundHttpRequest.Builder request = InboundHttpRequest.builder(exchange.getRequestMethod(), uri)
                    .body(exchange.getRequestBody());
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                for (String value : header.getValue()) {
                    request.header(header.getKey(), value);
                }
            }
            InboundHttpResponse response = service.handle(request.build());
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = response.body();
            boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), empty ? -1 : body.length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** Builds and starts an {@link InboundServer}. */
    public static final class Builder {
        private final InboundService service;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port = 0;
        private @Nullable SSLContext tls;
        private int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        private boolean tcpNoDelay;

        private Builder(InboundService service) {
            this.service = Objects.requireNonNull(service, "service");
        }

        /** The address to bind; default loopback. A non-loopback address needs {@link #https(SSLContext)}. */
        public Builder address(InetAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Serves HTTPS with this TLS context. */
        public Builder https(SSLContext context) {
            this.tls = Objects.requireNonNull(context, "context");
            return this;
        }

        /** Worker threads; default twice the processors, at least 4. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * Whether to turn Nagle's algorithm off on the server's connections (default false), for low latency on
         * small responses. The JDK offers this only JVM-wide: with {@code true}, {@link #start()} sets the system
         * property {@code sun.net.httpserver.nodelay} to {@code true} unless it is already set, which changes it for
         * every JDK HTTP server in this JVM, and has effect only when no JDK HTTP server has been created in this
         * JVM before (the JDK reads the property once). When that is not acceptable, leave this off and set the
         * property on the command line ({@code -Dsun.net.httpserver.nodelay=true}).
         */
        public Builder tcpNoDelay(boolean tcpNoDelay) {
            this.tcpNoDelay = tcpNoDelay;
            return this;
        }

        /**
         * Binds and starts.
         *
         * @throws IllegalStateException when asked for plain HTTP on a non-loopback address
         * @throws UncheckedIOException  when the address cannot be bound
         */
        public InboundServer start() {
            if (tls == null && !address.isLoopbackAddress()) {
                throw new IllegalStateException("plain HTTP is only allowed on a loopback address; " + address
                        + " needs https(SSLContext)");
            }
            if (tcpNoDelay && System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            try {
                HttpServer server;
                String scheme;
                if (tls != null) {
                    HttpsServer https = HttpsServer.create(new InetSocketAddress(address, port), 0);
                    https.setHttpsConfigurator(new HttpsConfigurator(tls));
                    server = https;
                    scheme = "https";
                } else {
                    server = HttpServer.create(new InetSocketAddress(address, port), 0);
                    scheme = "http";
                }
                ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "ioflow-inbound");
                    t.setDaemon(true);
                    return t;
                });
                server.setExecutor(executor);
                server.createContext("/", exchange -> serve(service, scheme, exchange));
                server.start();
                return new InboundServer(server, executor, scheme);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind " + address + ":" + port, e);
            }
        }
    }
}
