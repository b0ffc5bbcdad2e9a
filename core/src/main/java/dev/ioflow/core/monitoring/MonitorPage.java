package dev.ioflow.core.monitoring;

import java.util.List;
import java.util.Objects;

/**
 * One page of a monitoring query: the records, newest first, and how many records matched in all.
 *
 * <pre>{@code
 * MonitorPage<OutboundRequest> page = monitor.page(query);
 * if (page.hasMore()) {
 *     page = monitor.page(query.newBuilder().offset(page.nextOffset()).build());
 * }
 * }</pre>
 *
 * @param records the page's records (copied), newest first
 * @param offset  how many matching records precede the page
 * @param total   how many records matched the query, on all pages
 * @param <R>     the record type
 * @since 1.0
 */
public record MonitorPage<R>(List<R> records, int offset, long total) {

    /** Copies the records and checks the numbers. */
    public MonitorPage {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        if (offset < 0) {
            throw new IllegalArgumentException("page offset must not be negative, got " + offset);
        }
        if (total < records.size()) {
            throw new IllegalArgumentException("page total " + total + " is less than its " + records.size()
                    + " records");
        }
    }

    /** The offset of the next page. */
    public int nextOffset() {
        return offset + records.size();
    }

    /** Whether more records match after this page. */
    public boolean hasMore() {
        return nextOffset() < total;
    }
}
