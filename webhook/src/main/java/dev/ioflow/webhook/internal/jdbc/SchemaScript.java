package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.webhook.jdbc.JdbcDialect;
import dev.ioflow.webhook.jdbc.JdbcOutbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DDL shipped as {@code dev/ioflow/webhook/jdbc/schema-<dialect>.sql}: the one source of truth for the tables,
 * applied by the stores on request and by users themselves otherwise.
 *
 * @param statements the statements, with the table prefix applied
 */
public record SchemaScript(List<String> statements) {

    /** Copies the statements. */
    public SchemaScript {
        statements = List.copyOf(statements);
    }

    /** Loads the dialect's script and renames {@code ioflow_} to the given prefix in every name. */
    public static SchemaScript load(JdbcDialect dialect, String tablePrefix) {
        return parse(read(resourceName(dialect)), tablePrefix);
    }

    /**
     * Loads the dialect's monitoring script ({@code monitoring-<dialect>.sql}: the outbound request table) and
     * renames {@code ioflow_} to the given prefix in every name.
     */
    public static SchemaScript loadMonitoring(JdbcDialect dialect, String tablePrefix) {
        return parse(read("monitoring-" + dialect.name().toLowerCase(Locale.ROOT) + ".sql"), tablePrefix);
    }

    /** The resource name, relative to the {@code dev.ioflow.webhook} package. */
    public static String resourceName(JdbcDialect dialect) {
        return "schema-" + dialect.name().toLowerCase(Locale.ROOT) + ".sql";
    }

    /**
     * Splits a script into statements ({@code --} comment lines dropped, statements end with {@code ;}) and renames
     * {@code ioflow_} to the given prefix in every name: for scripts that other modules ship and read themselves.
     */
    public static SchemaScript parse(String script, String tablePrefix) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";")) {
            String sql = statement.strip();
            if (!sql.isEmpty()) {
                statements.add(sql.replace(JdbcStore.DEFAULT_PREFIX, tablePrefix));
            }
        }
        return new SchemaScript(statements);
    }

    /** Runs every statement on the connection; returns how many ran. */
    public Integer apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return statements.size();
    }

    private static String read(String resource) {
        try (InputStream in = JdbcOutbox.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource dev/ioflow/webhook/jdbc/" + resource
                        + " is missing from the ioflow-webhook jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource dev/ioflow/webhook/jdbc/" + resource, e);
        }
    }
}
