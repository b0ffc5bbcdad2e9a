package dev.ioflow.webhook.internal.jdbc;

import dev.ioflow.core.PayloadHash;
import dev.ioflow.webhook.ChangeSource;
import dev.ioflow.webhook.ChangeType;
import dev.ioflow.webhook.internal.ContextHeaders;
import dev.ioflow.webhook.spi.OutboxEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between {@link OutboxEntry} and the columns of {@link OutboxSql#COLUMNS}. Instants are stored as
 * {@code TIMESTAMP WITH TIME ZONE} in UTC, truncated to the microseconds both databases keep.
 */
public final class OutboxRows {

    private OutboxRows() {
    }

    /** Binds the entry's columns as parameters 1 to 16 of {@link OutboxSql#insert()}. */
    public static void bindInsert(PreparedStatement statement, OutboxEntry entry) throws SQLException {
        statement.setString(1, entry.messageId());
        statement.setString(2, entry.webhookId());
        statement.setString(3, entry.integrationObject());
        statement.setString(4, entry.destinationId());
        statement.setString(5, entry.integrationKey());
        statement.setLong(6, OrderingKeys.hash(entry));
        statement.setString(7, entry.changeType().name());
        statement.setBytes(8, entry.payload());
        statement.setLong(9, entry.payloadHash().high());
        statement.setLong(10, entry.payloadHash().low());
        setInstant(statement, 11, entry.createdAt());
        statement.setInt(12, entry.attempts());
        setInstant(statement, 13, entry.nextAttemptAt());
        statement.setString(14, entry.lastError());
        statement.setString(15, entry.source().name());
        statement.setString(16, ContextHeaders.encode(entry.context()));
    }

    /** Binds the ordering key as parameters 1 to 4 of {@link OutboxSql#deletePending()}. */
    public static void bindOrderingKey(PreparedStatement statement, OutboxEntry entry) throws SQLException {
        bindOrderingKey(statement, OrderingKeys.hash(entry), entry.webhookId(), entry.destinationId(),
                entry.integrationKey());
    }

    /** Binds the ordering key of (webhook, destination, integration key) as parameters 1 to 4, its hash first. */
    public static void bindOrderingKey(PreparedStatement statement, String webhookId, String destinationId,
                                       String integrationKey) throws SQLException {
        bindOrderingKey(statement, OrderingKeys.hash(OutboxEntry.orderingKey(webhookId, destinationId, integrationKey)),
                webhookId, destinationId, integrationKey);
    }

    /** Binds an ordering key as parameters 1 to 4: its hash, webhook, destination and integration key. */
    public static void bindOrderingKey(PreparedStatement statement, long hash, String webhookId, String destinationId,
                                       String integrationKey) throws SQLException {
        statement.setLong(1, hash);
        statement.setString(2, webhookId);
        statement.setString(3, destinationId);
        statement.setString(4, integrationKey);
    }

    /** Reads the entry at the cursor: the id followed by {@link OutboxSql#COLUMNS}. */
    public static OutboxEntry read(ResultSet row) throws SQLException {
        return OutboxEntry.builder().id(row.getLong(1)).messageId(row.getString(2)).webhookId(row.getString(3))
                .integrationObject(row.getString(4)).destinationId(row.getString(5)).integrationKey(row.getString(6))
                .changeType(ChangeType.valueOf(row.getString(8))).payload(row.getBytes(9))
                .payloadHash(new PayloadHash(row.getLong(10), row.getLong(11))).createdAt(getInstant(row, 12))
                .attempts(row.getInt(13)).nextAttemptAt(getInstant(row, 14)).lastError(row.getString(15))
                .source(ChangeSource.valueOf(row.getString(16))).context(ContextHeaders.decode(row.getString(17))).build();
    }

    /** Runs the query and reads every entry it returns. */
    public static List<OutboxEntry> readAll(PreparedStatement select) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                entries.add(read(rows));
            }
        }
        return entries;
    }

    /** Sets an instant (or SQL NULL) as a UTC {@code TIMESTAMP WITH TIME ZONE}. */
    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS),
                    ZoneOffset.UTC));
        }
    }

    /** Reads a {@code TIMESTAMP WITH TIME ZONE} column, or null. */
    public static Instant getInstant(ResultSet row, int index) throws SQLException {
        OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
