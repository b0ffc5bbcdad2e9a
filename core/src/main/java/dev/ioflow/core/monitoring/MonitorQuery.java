package dev.ioflow.core.monitoring;

/**
 * What every monitoring query has: a filter over records, which an in-memory store applies as is and a database
 * store translates from the query's criteria, and a page (offset and limit).
 *
 * @param <R> the record type
 * @since 1.0
 */
public interface MonitorQuery<R> {

    /** Whether the record meets every criterion of the query. */
    boolean matches(R record);

    /** How many matching records to skip, newest first; 0 for the first page. */
    int offset();

    /** At most this many records per page; at least 1. */
    int limit();
}
