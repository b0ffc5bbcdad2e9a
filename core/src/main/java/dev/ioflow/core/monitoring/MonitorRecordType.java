package dev.ioflow.core.monitoring;

import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a generic store needs to know about a record type: its time, its outcome, and how to give a record its id.
 *
 * <pre>{@code
 * MonitorRecordType<OutboundRequest> type = MonitorRecordType.of(OutboundRequest::attemptedAt,
 *         r -> r.status() == OutboundRequestStatus.SUCCESS ? MonitorOutcome.SUCCESS : MonitorOutcome.FAILURE,
 *         (r, id) -> r.newBuilder().id(id).build());
 * }</pre>
 *
 * @param <R> the record type
 * @since 1.0
 */
public interface MonitorRecordType<R> {

    /** When the record's request or attempt happened: the time that queries, ordering and retention use. */
    Instant time(R record);

    /** Whether it succeeded or failed. */
    MonitorOutcome outcome(R record);

    /** The record with the id the store assigned; the record itself when the type has no id. */
    R withId(R record, long id);

    /** A record type from three functions. */
    static <R> MonitorRecordType<R> of(Function<R, Instant> time,
                                       Function<R, MonitorOutcome> outcome,
                                       BiFunction<R, Long, R> withId) {
        return new MonitorRecordType<>() {
            @Override
            public Instant time(R record) {
                return time.apply(record);
            }

            @Override
            public MonitorOutcome outcome(R record) {
                return outcome.apply(record);
            }

            @Override
            public R withId(R record, long id) {
                return withId.apply(record, id);
            }
        };
    }
}
