package dev.ioflow.odata.jdbc;

import dev.ioflow.core.monitoring.MonitorOutcome;
import dev.ioflow.odata.InboundRequest;
import dev.ioflow.odata.InboundRequestQuery;
import dev.ioflow.webhook.internal.jdbc.MonitorTable;
import dev.ioflow.webhook.internal.jdbc.OutboxRows;
import dev.ioflow.webhook.internal.jdbc.SqlCriteria;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inbound request table (see {@code inbound-monitoring-<dialect>.sql}): the conversion between
 * {@link InboundRequest} and its columns, and the rows a query selects. A request's integration keys share one
 * column, each key ended by a line feed (a backslash or line feed inside a key is escaped with a backslash), so that
 * a key criterion is one {@code LIKE} on the column with a line feed before it.
 *
 * @param table the table's name
 */
record InboundRequestTable(String table) implements MonitorTable<InboundRequest, InboundRequestQuery> {

    private static final String COLUMNS = "message_id, status, integration_object, method, http_status, "
            + "integration_keys, error_code, error_message, sap_passport, user_name, created_at, payload";

    @Override
    public String columns() {
        return COLUMNS;
    }

    @Override
    public String timeColumn() {
        return "created_at";
    }

    @Override
    public String statuses(MonitorOutcome outcome) {
        return outcome == MonitorOutcome.SUCCESS ? "'SUCCESS'" : "'ERROR'";
    }

    @Override
    public void bind(PreparedStatement statement, InboundRequest r) throws SQLException {
        statement.setString(1, cap(r.messageId(), 255));
        statement.setString(2, r.status().name());
        statement.setString(3, cap(r.integrationObject(), 255));
        statement.setString(4, cap(r.method(), 16));
        statement.setInt(5, r.httpStatus());
        statement.setString(6, keys(r.integrationKeys()));
        statement.setString(7, cap(r.errorCode(), 255));
        statement.setString(8, r.errorMessage());
        statement.setString(9, r.sapPassport());
        statement.setString(10, cap(r.user(), 255));
        OutboxRows.setInstant(statement, 11, r.creationTime());
        byte[] payload = r.payload();
        if (payload == null) {
            statement.setNull(12, Types.VARBINARY);
        } else {
            statement.setBytes(12, payload);
        }
    }

    @Override
    public InboundRequest read(ResultSet row) throws SQLException {
        return InboundRequest.builder().messageId(row.getString(2)).integrationObject(row.getString(4))
                .method(row.getString(5)).httpStatus(row.getInt(6)).integrationKeys(keys(row.getString(7)))
                .error(row.getString(8), row.getString(9)).sapPassport(row.getString(10)).user(row.getString(11))
                .creationTime(OutboxRows.getInstant(row, 12)).payload(row.getBytes(13)).build();
    }

    @Override
    public SqlCriteria criteria(InboundRequestQuery q) {
        SqlCriteria.Builder criteria = SqlCriteria.builder()
                .add("status = ?", q.status())
                .add("integration_object = ?", q.integrationObject())
                .add("message_id = ?", q.messageId())
                .add("user_name = ?", q.user())
                .add("created_at >= ?", q.from())
                .add("created_at < ?", q.to());
        String key = q.integrationKey();
        if (key != null) {
            String pattern = "%\n" + escape(key).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "\n%";
            criteria.add("CONCAT(?, integration_keys) LIKE ? ESCAPE '!'", "\n", pattern);
        }
        return criteria.build();
    }

    /** The keys as the column holds them: each escaped and ended by a line feed. */
    static String keys(List<String> keys) {
        StringBuilder column = new StringBuilder();
        for (String key : keys) {
            column.append(escape(key)).append('\n');
        }
        return column.toString();
    }

    /** The keys of a column value. */
    static List<String> keys(String column) {
        List<String> keys = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            if (c == '\\' && i + 1 < column.length()) {
                char escaped = column.charAt(++i);
                key.append(escaped == 'n' ? '\n' : escaped);
            } else if (c == '\n') {
                keys.add(key.toString());
                key.setLength(0);
            } else {
                key.append(c);
            }
        }
        return keys;
    }

    /** Headers and methods come from clients: what exceeds its column is cut rather than failing the insert. */
    private static @Nullable String cap(@Nullable String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    private static String escape(String key) {
        return key.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
