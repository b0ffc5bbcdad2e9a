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

/**
 * The outbound request table (see {@code monitoring-<dialect>.sql}): the conversion between {@link OutboundRequest}
 * and its columns, and the rows a query selects. Both dialects understand the same SQL here.
 *
 * @param table the table's name
 */
public record OutboundRequestSql(String table) implements MonitorTable<OutboundRequest, OutboundRequestQuery> {

    private static final String COLUMNS = "message_id, status, webhook_id, integration_object, integration_key, "
            + "destination_id, change_type, change_source, attempt, created_at, attempted_at, next_attempt_at, "
            + "http_status, detail, payload";

    @Override
    public String columns() {
        return COLUMNS;
    }

    /** The index on each criterion ends with this column and {@code id}. */
    @Override
    public String timeColumn() {
        return "attempted_at";
    }

    @Override
    public String statuses(MonitorOutcome outcome) {
        return outcome == MonitorOutcome.SUCCESS ? "'SUCCESS'" : "'RETRY', 'ERROR'";
    }

    @Override
    public void bind(PreparedStatement statement, OutboundRequest r) throws SQLException {
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

    @Override
    public OutboundRequest read(ResultSet row) throws SQLException {
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

    @Override
    public SqlCriteria criteria(OutboundRequestQuery q) {
        return SqlCriteria.builder()
                .add("status = ?", q.status())
                .add("integration_object = ?", q.integrationObject())
                .add("integration_key = ?", q.integrationKey())
                .add("destination_id = ?", q.destinationId())
                .add("message_id = ?", q.messageId())
                .add("change_source = ?", q.source())
                .add("attempted_at >= ?", q.from())
                .add("attempted_at < ?", q.to())
                .build();
    }
}
