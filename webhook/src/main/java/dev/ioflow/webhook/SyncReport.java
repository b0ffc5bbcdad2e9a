package dev.ioflow.webhook;

import java.time.Duration;
import java.util.List;

/**
 * What one outbound sync run did.
 *
 * @param seen       items read from the source
 * @param changed    items that produced at least one change (their payload differed from the last delivered)
 * @param unchanged  items whose payload equals the last delivered one for every webhook they belong to (and items
 *                   no webhook wants)
 * @param rejected   items that could not be rendered for some webhook
 * @param deleted    DELETED changes recorded for items that disappeared from the source since the last run
 * @param duration   how long the run took
 * @param rejections the first (at most 100) rejections, for the log
 * @since 0.1
 */
public record SyncReport(long seen, long changed, long unchanged, long rejected, long deleted, Duration duration,
                         List<ChangeRejectedException.Rejection> rejections) {

    /** Copies the rejections. */
    public SyncReport {
        rejections = List.copyOf(rejections);
    }

    @Override
    public String toString() {
        return "SyncReport[seen=" + seen + ", changed=" + changed + ", unchanged=" + unchanged + ", rejected="
                + rejected + ", deleted=" + deleted + ", " + duration.toMillis() + " ms]";
    }
}
