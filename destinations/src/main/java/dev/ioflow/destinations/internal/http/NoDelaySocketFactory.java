package dev.ioflow.destinations.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Wraps a socket factory so that every socket has {@code TCP_NODELAY} set. Without it, a request body that
 * spans more than one TCP segment waits for the receiver's delayed ACK before its last segment is sent (Nagle's
 * algorithm): measured on loopback, a 20 KB JSON POST took 44 ms instead of 0.5 ms. Apache HttpClient sets the
 * option by default for the same reason; OkHttp leaves it to the socket factory.
 */
public final class NoDelaySocketFactory extends SocketFactory {
    private final SocketFactory delegate;

    /** @param delegate the factory that makes the sockets (usually {@link SocketFactory#getDefault()}) */
    public NoDelaySocketFactory(SocketFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
