package dev.ioflow.webhook.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A data source that opens connections through {@link DriverManager} (the drivers' own data sources need
 * {@code java.naming}, which the test module does not read): a new connection per call, or, {@linkplain #pooled
 * pooled}, connections kept when closed and handed out again, as an application's pool does (a PostgreSQL
 * connection costs a server process, too slow to open for every transaction on a loaded machine).
 */
final class UrlDataSource implements DataSource {
    private final String url;
    private final @Nullable Queue<Connection> idle;

    UrlDataSource(String url) {
        this(url, null);
    }

    private UrlDataSource(String url, @Nullable Queue<Connection> idle) {
        this.url = url;
        this.idle = idle;
    }

    /** A data source that reuses closed connections. */
    static UrlDataSource pooled(String url) {
        return new UrlDataSource(url, new ConcurrentLinkedQueue<>());
    }

    @Override
    public Connection getConnection() throws SQLException {
        Queue<Connection> pool = idle;
        if (pool == null) {
            return DriverManager.getConnection(url);
        }
        Connection kept = pool.poll();
        Connection real = kept != null ? kept : DriverManager.getConnection(url);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        pool.add(real);
                        return null;
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    @Override
    public void setLoginTimeout(int seconds) {
        throw new UnsupportedOperationException("not needed by the tests");
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }

    @Override
    public String toString() {
        return "UrlDataSource[" + url + "]";
    }
}
