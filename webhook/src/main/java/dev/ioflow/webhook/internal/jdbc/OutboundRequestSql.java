package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.core.monitoring.MonitorOutcome;
import dev.ioflow.webhook.ChangeSource;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.OutboundRequest;
import dev.ioflow.webhook.OutboundRequestQuery;
import dev.ioflow.webhook.OutboundRequestStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/**
 * The outbound request table's statements (see {@code monitoring-<dialect>.sql}), and the conversion between
 * {@link OutboundRequest} and its columns. Both dialects understand the same SQL here.
 *
 * @param table the table's name
 */
public record OutboundRequestSql(String table) {

    private static final String COLUMNS = "message_id, status, webhook_id, integration_object, integration_key, "
            + "destination_id, change_type, change_source, attempt, created_at, attempted_at, next_attempt_at, "
            + "http_status, detail, payload";

    /** Newest first; the index on each criterion ends with the same two columns. */
    private static final String NEWEST_FIRST = " ORDER BY attempted_at DESC, id DESC";

    /** Inserts a record: bound by {@link #bindInsert}. */
    public String insert() {
        return "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /** Binds a record's columns as the parameters of {@link #insert()}. */
    public static void bindInsert(PreparedStatement statement, OutboundRequest r) throws SQLException {
        statement.setString(1, r.messageId());
        statement.setString(2, r.status().name());
        statement.setString(3, r.webhookId());
        statement.setString(4, r.integrationObject());
        statement.setString(5, r.integrationKey());
        statement.setString(6, r.destinationId());
        statement.setString(7, r.changeType() == null ? null : r.changeType().name());
        statement.setString(8, r.source().name());
        statement.setInt(9, r.attempt());
        OutboxRows.setInstant(statement, 10, r.createdAt());
        OutboxRows.setInstant(statement, 11, r.attemptedAt());
        OutboxRows.setInstant(statement, 12, r.nextAttemptAt());
        statement.setInt(13, r.httpStatus());
        statement.setString(14, r.detail());
        byte[] payload = r.payload();
        if (payload == null) {
            statement.setNull(15, Types.VARBINARY);
        } else {
            statement.setBytes(15, payload);
        }
    }

    /** The query's page, newest first: bound by {@link Criteria#bind} then limit and offset. */
    public String select(Criteria criteria) {
        return "SELECT id, " + COLUMNS + " FROM " + table + criteria.where() + NEWEST_FIRST + " LIMIT ? OFFSET ?";
    }

    /** How many records match the query: bound by {@link Criteria#bind}. */
    public String count(Criteria criteria) {
        return "SELECT COUNT(*) FROM " + table + criteria.where();
    }

    /**
     * Locks the ids of the oldest expired records of an outcome, skipping rows another cleaner holds: cutoff, then
     * limit.
     */
    public String selectExpired(MonitorOutcome outcome) {
        String statuses = outcome == MonitorOutcome.SUCCESS ? "'SUCCESS'" : "'RETRY', 'ERROR'";
        return "SELECT id FROM " + table + " WHERE status IN (" + statuses + ") AND attempted_at < ?"
                + " ORDER BY attempted_at, id LIMIT ? FOR UPDATE SKIP LOCKED";
    }

    /** Deletes {@code count} records by id: the ids. */
    public String deleteIds(int count) {
        return "DELETE FROM " + table + " WHERE id IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /** Reads every row of a {@link #select} into records. */
    public static List<OutboundRequest> readAll(PreparedStatement select) throws SQLException {
        List<OutboundRequest> records = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                records.add(read(row));
            }
        }
        return records;
    }

    private static OutboundRequest read(ResultSet row) throws SQLException {
        String changeType = row.getString(8);
        return OutboundRequest.builder().id(row.getLong(1)).messageId(row.getString(2))
                .status(OutboundRequestStatus.valueOf(row.getString(3))).webhookId(row.getString(4))
                .integrationObject(row.getString(5)).integrationKey(row.getString(6)).destinationId(row.getString(7))
                .changeType(changeType == null ? null : ChangeType.valueOf(changeType))
                .source(ChangeSource.valueOf(row.getString(9))).attempt(row.getInt(10))
                .createdAt(OutboxRows.getInstant(row, 11)).attemptedAt(OutboxRows.getInstant(row, 12))
                .nextAttemptAt(OutboxRows.getInstant(row, 13)).httpStatus(row.getInt(14)).detail(row.getString(15))
                .payload(row.getBytes(16)).build();
    }

    /**
     * A query's criteria as a {@code WHERE} clause and its parameters, in the same order.
     *
     * @param where  the clause, empty when nothing is filtered
     * @param values the parameters: strings and instants
     */
    public record Criteria(String where, List<Object> values) {

        /** No criteria: every record. */
        public static final Criteria NONE = new Criteria("", List.of());

        /** The criteria of a query. */
        public static Criteria of(OutboundRequestQuery q) {
            StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
            List<Object> values = new ArrayList<>();
            add(where, values, "status = ?", q.status() == null ? null : q.status().name());
            add(where, values, "integration_object = ?", q.integrationObject());
            add(where, values, "integration_key = ?", q.integrationKey());
            add(where, values, "destination_id = ?", q.destinationId());
            add(where, values, "message_id = ?", q.messageId());
            add(where, values, "change_source = ?", q.source() == null ? null : q.source().name());
            add(where, values, "attempted_at >= ?", q.from());
            add(where, values, "attempted_at < ?", q.to());
            return new Criteria(where.toString(), Collections.unmodifiableList(values));
        }

        /** Binds the parameters from index 1; returns the next free index. */
        public int bind(PreparedStatement statement) throws SQLException {
            int index = 1;
            for (Object value : values) {
                if (value instanceof Instant instant) {
                    OutboxRows.setInstant(statement, index++, instant);
                } else {
                    statement.setString(index++, (String) value);
                }
            }
            return index;
        }

        private static void add(StringJoiner where, List<Object> values, String condition, Object value) {
            if (value != null) {
                where.add(condition);
                values.add(value);
            }
        }
    }
}
