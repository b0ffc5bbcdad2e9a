package dev.ioflow.webhook.internal.jdbc;

/**
 * The outbox's statements for one table. An entry is LIVE (pending, or in flight while {@code claimed_by} is set)
 * or DEAD. The head of an ordering key is its oldest LIVE entry: only heads are claimed.
 *
 * <p>Both dialects understand the same SQL here, {@code FOR UPDATE SKIP LOCKED} included (H2 since 2.2).
 *
 * @param table the outbox table's name
 */
public record OutboxSql(String table) {

    /** Columns in the order {@link OutboxRows} binds and reads them. */
    static final String COLUMNS = "message_id, webhook_id, integration_object, destination_id, integration_key, "
            + "ordering_hash, change_type, payload, payload_hash_high, payload_hash_low, created_at, attempts, "
            + "next_attempt_at, last_error";

    private static final String SAME_KEY = "p.ordering_hash = o.ordering_hash AND p.webhook_id = o.webhook_id "
            + "AND p.destination_id = o.destination_id AND p.integration_key = o.integration_key";

    /** True for an entry that is the oldest live one of its ordering key. */
    private String isHead() {
        return "NOT EXISTS (SELECT 1 FROM " + table + " p WHERE p.status = 'LIVE' AND p.id < o.id AND "
                + SAME_KEY + ")";
    }

    /** Inserts a new live, unclaimed entry. */
    public String insert() {
        return "INSERT INTO " + table + " (" + COLUMNS + ", status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "'LIVE')";
    }

    /**
     * Deletes the pending (live, unclaimed) entries of one ordering key that a new entry replaces: parameters hash,
     * webhook, destination, key, and whether the new entry is a delete. A delete replaces them all; a save only the
     * saves that no live delete follows (a pending delete is never replaced by a save).
     */
    public String deletePending() {
        return "DELETE FROM " + table + " o WHERE o.ordering_hash = ? AND o.webhook_id = ? AND o.destination_id = ? "
                + "AND o.integration_key = ? AND o.status = 'LIVE' AND o.claimed_by IS NULL AND (? OR "
                + "(o.change_type <> 'DELETED' AND NOT EXISTS (SELECT 1 FROM " + table + " p WHERE p.status = 'LIVE' "
                + "AND p.change_type = 'DELETED' AND p.id > o.id AND " + SAME_KEY + ")))";
    }

    /** Selects and locks claimable heads: parameters now, now, max. */
    public String selectClaimable() {
        return "SELECT o.id, " + prefixed(COLUMNS) + " FROM " + table + " o WHERE o.status = 'LIVE' "
                + "AND o.next_attempt_at <= ? AND (o.claimed_by IS NULL OR o.lease_until <= ?) AND " + isHead()
                + " ORDER BY o.id LIMIT ? FOR UPDATE SKIP LOCKED";
    }

    /**
     * Claims one selected entry unless someone else did in between: owner, lease end, id, now. The condition
     * repeats the selection's, so that one entry never goes to two owners even if a row lock were not taken.
     */
    public String claim() {
        return "UPDATE " + table + " SET claimed_by = ?, lease_until = ? WHERE id = ? AND status = 'LIVE' "
                + "AND (claimed_by IS NULL OR lease_until <= ?)";
    }

    /** Deletes one entry: id. */
    public String complete() {
        return "DELETE FROM " + table + " WHERE id = ? AND status = 'LIVE'";
    }

    /** Releases one live entry for a later attempt: attempts, next attempt, error, id. */
    public String reschedule() {
        return "UPDATE " + table + " SET attempts = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, "
                + "lease_until = NULL WHERE id = ? AND status = 'LIVE'";
    }

    /** Makes one entry a dead letter: attempts, error, dead at, id. */
    public String deadLetter() {
        return "UPDATE " + table + " SET status = 'DEAD', attempts = ?, last_error = ?, dead_at = ?, "
                + "claimed_by = NULL, lease_until = NULL WHERE id = ? AND status = 'LIVE'";
    }

    /** Dead letters, oldest first: limit. */
    public String selectDead() {
        return "SELECT o.id, " + prefixed(COLUMNS) + " FROM " + table + " o WHERE o.status = 'DEAD' ORDER BY o.id "
                + "LIMIT ?";
    }

    /**
     * Drops dead letters whose key got a newer live entry since: that entry carries the current state, and
     * delivering the older payload after it would move the receiver back in time. Parameter: the id unless all.
     */
    public String dropSupersededDead(boolean all) {
        return "DELETE FROM " + table + " o WHERE o.status = 'DEAD'" + (all ? "" : " AND o.id = ?")
                + " AND EXISTS (SELECT 1 FROM " + table + " p WHERE p.status = 'LIVE' AND p.id > o.id AND "
                + SAME_KEY + ")";
    }

    /** Puts dead letters back into the live queue: now, then the id unless all. */
    public String replay(boolean all) {
        return "UPDATE " + table + " SET status = 'LIVE', attempts = 0, next_attempt_at = ?, dead_at = NULL "
                + "WHERE status = 'DEAD'" + (all ? "" : " AND id = ?");
    }

    /** The newest live entry's change type and payload hash: ordering hash, webhook, destination, key. */
    public String newestLive() {
        return "SELECT o.change_type, o.payload_hash_high, o.payload_hash_low FROM " + table + " o "
                + "WHERE o.ordering_hash = ? AND o.webhook_id = ? AND o.destination_id = ? AND o.integration_key = ? "
                + "AND o.status = 'LIVE' ORDER BY o.id DESC LIMIT 1";
    }

    /** Counts live entries. */
    public String countLive() {
        return "SELECT COUNT(*) FROM " + table + " WHERE status = 'LIVE'";
    }

    /** When the earliest head becomes claimable: its next attempt when pending, its lease end when in flight. */
    public String nextDue() {
        return "SELECT MIN(CASE WHEN o.claimed_by IS NULL THEN o.next_attempt_at ELSE o.lease_until END) FROM "
                + table + " o WHERE o.status = 'LIVE' AND " + isHead();
    }

    private static String prefixed(String columns) {
        return "o." + columns.replace(", ", ", o.");
    }
}
