package dev.ioflow.webhook.internal.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A monitoring query's criteria as a {@code WHERE} clause and its parameters, in the same order.
 *
 * @param where  the clause, empty when nothing is filtered
 * @param values the parameters: strings and instants
 */
public record SqlCriteria(String where, List<Object> values) {

    /** No criteria: every record. */
    public static final SqlCriteria NONE = new SqlCriteria("", List.of());

    /** Starts a conjunction of criteria. */
    public static Builder builder() {
        return new Builder();
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

    /** Collects the conditions of the criteria a query sets, joined by {@code AND}. */
    public static final class Builder {
        private final StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        private final List<Object> values = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds {@code condition}, whose parameters are {@code value} then {@code more}, unless {@code value} is
         * null (the criterion is not set). Enums are bound by name.
         */
        public Builder add(String condition, @Nullable Object value, Object... more) {
            if (value != null) {
                where.add(condition);
                values.add(value instanceof Enum<?> e ? e.name() : value);
                Collections.addAll(values, more);
            }
            return this;
        }

        /** The criteria. */
        public SqlCriteria build() {
            return new SqlCriteria(where.toString(), List.copyOf(values));
        }
    }
}
