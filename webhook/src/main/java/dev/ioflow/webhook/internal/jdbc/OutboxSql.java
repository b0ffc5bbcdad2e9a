package dev.ioflow.webhook.internal.jdbc;

/**
 * The outbox's statements for one table. An entry is LIVE (pending, or in flight while {@code claimed_by} is set)
 * or DEAD. The head of an ordering key is its oldest LIVE entry, flagged by the {@code head} column: only heads are
 * claimed, found through the due-time index without looking at the entries queued behind them.
 *
 * <p>Both dialects understand the same SQL here, {@code FOR UPDATE SKIP LOCKED} included (H2 since 2.2), except for
 * the per-key locks.
 *
 * @param table the outbox table's name
 */
public record OutboxSql(String table) {

    /** Columns in the order {@link OutboxRows} binds and reads them. */
    static final String COLUMNS = "message_id, webhook_id, integration_object, destination_id, integration_key, "
            + "ordering_hash, change_type, payload, payload_hash_high, payload_hash_low, created_at, attempts, "
            + "next_attempt_at, last_error, change_source, change_context";

    private static final String CLAIM_HOLDS = " AND claimed_by = ? AND claim_token = ?";

    private static final String SAME_KEY = "p.ordering_hash = o.ordering_hash AND p.webhook_id = o.webhook_id "
            + "AND p.destination_id = o.destination_id AND p.integration_key = o.integration_key";

    /** Inserts a new live, unclaimed entry. */
    public String insert() {
        return "INSERT INTO " + table + " (" + COLUMNS + ", status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
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

    /**
     * PostgreSQL, a whole chunk at once: deletes the pending entries that the chunk replaces, as
     * {@link #deletePending()} does for one key. Parameters: arrays of ordering hash, webhook, destination,
     * integration key and whether the key's first new entry is a delete, one element per distinct key.
     */
    public String deletePendingOfKeys() {
        return "DELETE FROM " + table + " o USING unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::boolean[]) "
                + "AS p(ordering_hash, webhook_id, destination_id, integration_key, replaces_all) WHERE " + SAME_KEY
                + " AND o.status = 'LIVE' AND o.claimed_by IS NULL AND (p.replaces_all OR (o.change_type <> 'DELETED' "
                + "AND NOT EXISTS (SELECT 1 FROM " + table + " d WHERE d.status = 'LIVE' AND d.change_type = 'DELETED' "
                + "AND d.id > o.id AND d.ordering_hash = o.ordering_hash AND d.webhook_id = o.webhook_id "
                + "AND d.destination_id = o.destination_id AND d.integration_key = o.integration_key)))";
    }

    /**
     * PostgreSQL, a whole chunk in one statement: inserts the entries in list order (ids grow with it), each
     * flagged as its key's head when it is the key's first in the chunk and the key has no other live entry.
     * Parameters: one array per column of {@link #COLUMNS} (instants as ISO-8601 text), then whether each entry is
     * its key's first in the chunk.
     */
    public String insertAll() {
        return "INSERT INTO " + table + " (" + COLUMNS + ", status, head) SELECT p.message_id, p.webhook_id, "
                + "p.integration_object, p.destination_id, p.integration_key, p.ordering_hash, p.change_type, "
                + "p.payload, p.payload_hash_high, p.payload_hash_low, p.created_at::timestamptz, p.attempts, "
                + "p.next_attempt_at::timestamptz, p.last_error, p.change_source, p.change_context, 'LIVE', "
                + "p.first AND NOT EXISTS "
                + "(SELECT 1 FROM " + table + " o WHERE " + SAME_KEY + " AND o.status = 'LIVE') FROM unnest("
                + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::bytea[], "
                + "?::bigint[], ?::bigint[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[]) "
                + "WITH ORDINALITY AS p(message_id, webhook_id, integration_object, destination_id, integration_key, "
                + "ordering_hash, change_type, payload, payload_hash_high, payload_hash_low, created_at, attempts, "
                + "next_attempt_at, last_error, change_source, change_context, first, position) ORDER BY p.position";
    }

    /**
     * PostgreSQL, the claim in one statement: locks claimed entries whose lease ended, then due pending heads
     * (skipping rows other transactions hold), claims up to {@code max} of them, expired ones first, and returns
     * them with their rank as the last column (the primary key finds them, whatever the table's size). Parameters: now, max, now, max, max, owner, token, lease end.
     */
    public String claimDue() {
        return "WITH expired AS (SELECT o.id FROM " + table + " o WHERE o.lease_until IS NOT NULL "
                + "AND o.lease_until <= ? ORDER BY o.lease_until, o.id LIMIT ? FOR UPDATE SKIP LOCKED), "
                + "due AS (SELECT o.id FROM " + table + " o WHERE o.head AND o.claimed_by IS NULL "
                + "AND o.next_attempt_at <= ? ORDER BY o.next_attempt_at, o.id LIMIT ? FOR UPDATE SKIP LOCKED), "
                + "picked AS (SELECT ARRAY(SELECT id FROM expired UNION ALL SELECT id FROM due LIMIT ?) AS ids) "
                + "UPDATE " + table + " o SET claimed_by = ?, claim_token = ?, lease_until = ? FROM picked c "
                + "WHERE o.id = ANY (c.ids) RETURNING o.id, " + prefixed(COLUMNS) + ", array_position(c.ids, o.id)";
    }

    /** Claims one selected (and locked) entry: owner, token, lease end, id. */
    public String claim() {
        return "UPDATE " + table + " SET claimed_by = ?, claim_token = ?, lease_until = ? WHERE id = ?";
    }

    /** Extends a claim that still holds: lease end, id, owner, token. */
    public String renew() {
        return "UPDATE " + table + " SET lease_until = ? WHERE id = ?" + CLAIM_HOLDS;
    }

    /** Deletes a delivered entry whose claim still holds: id, owner, token. */
    public String complete() {
        return "DELETE FROM " + table + " WHERE id = ?" + CLAIM_HOLDS;
    }

    /**
     * PostgreSQL, {@link #complete()} for several entries in one statement, returning the ids it deleted. Parameters:
     * arrays of id, owner, token.
     */
    public String completeAll() {
        return "DELETE FROM " + table + " o USING unnest(?::bigint[], ?::text[], ?::bigint[]) AS c(id, claimed_by, "
                + "claim_token) WHERE o.id = c.id AND o.claimed_by = c.claimed_by AND o.claim_token = c.claim_token "
                + "RETURNING o.id";
    }

    /** Releases an entry whose claim still holds for a later attempt: attempts, next attempt, error, id, owner, token. */
    public String reschedule() {
        return "UPDATE " + table + " SET attempts = ?, next_attempt_at = ?, last_error = ?, claimed_by = NULL, "
                + "claim_token = 0, lease_until = NULL WHERE id = ?" + CLAIM_HOLDS;
    }

    /** Makes an entry whose claim still holds a dead letter: attempts, error, dead at, id, owner, token. */
    public String deadLetter() {
        return "UPDATE " + table + " SET status = 'DEAD', head = FALSE, attempts = ?, last_error = ?, dead_at = ?, "
                + "claimed_by = NULL, claim_token = 0, lease_until = NULL WHERE id = ?" + CLAIM_HOLDS;
    }

    /**
     * Makes the oldest live entry of one ordering key its head, if it is not already: ordering hash, webhook,
     * destination, key. Run under the key's lock after anything that may have removed the head or added the first
     * entry.
     */
    public String promoteHead() {
        return "UPDATE " + table + " SET head = TRUE WHERE head = FALSE AND id = (SELECT MIN(p.id) FROM " + table
                + " p WHERE p.ordering_hash = ? AND p.webhook_id = ? AND p.destination_id = ? "
                + "AND p.integration_key = ? AND p.status = 'LIVE')";
    }

    /**
     * PostgreSQL, {@link #promoteHead()} for several ordering keys in one statement. Parameters: arrays of ordering
     * hash, webhook, destination, key.
     */
    public String promoteHeads() {
        return "UPDATE " + table + " SET head = TRUE WHERE head = FALSE AND id IN (SELECT (SELECT MIN(o.id) FROM "
                + table + " o WHERE " + SAME_KEY + " AND o.status = 'LIVE') FROM unnest(?::bigint[], ?::text[], "
                + "?::text[], ?::text[]) AS p(ordering_hash, webhook_id, destination_id, integration_key))";
    }

    /** The ids and ordering hashes of dead letters: all, or one id (parameter). */
    public String selectDeadKeys(boolean all) {
        return "SELECT id, ordering_hash, webhook_id, destination_id, integration_key FROM " + table
                + " WHERE status = 'DEAD'" + (all ? "" : " AND id = ?");
    }

    /** Dead letters, oldest first: limit. */
    public String selectDead() {
        return "SELECT o.id, " + prefixed(COLUMNS) + " FROM " + table + " o WHERE o.status = 'DEAD' ORDER BY o.id "
                + "LIMIT ?";
    }

    /**
     * Drops a dead letter whose key got a newer live entry since: that entry carries the current state, and
     * delivering the older payload after it would move the receiver back in time. Parameter: the id.
     */
    public String dropSupersededDead() {
        return "DELETE FROM " + table + " o WHERE o.id = ? AND o.status = 'DEAD' AND EXISTS (SELECT 1 FROM " + table
                + " p WHERE p.status = 'LIVE' AND p.id > o.id AND " + SAME_KEY + ")";
    }

    /** Puts one dead letter back into the live queue, behind any head: now, id. */
    public String replay() {
        return "UPDATE " + table + " SET status = 'LIVE', attempts = 0, next_attempt_at = ?, dead_at = NULL "
                + "WHERE status = 'DEAD' AND id = ?";
    }

    /** The newest live entry's change type and payload hash: ordering hash, webhook, destination, key. */
    public String newestLive() {
        return "SELECT o.change_type, o.payload_hash_high, o.payload_hash_low FROM " + table + " o "
                + "WHERE o.ordering_hash = ? AND o.webhook_id = ? AND o.destination_id = ? AND o.integration_key = ? "
                + "AND o.status = 'LIVE' ORDER BY o.id DESC LIMIT 1";
    }

    /**
     * {@link #newestLive()} and the key's version marker in one query: at most two rows, the live entry's (change
     * type, payload hash) and the marker's (a null change type, its hash). Parameters: those of
     * {@link #newestLive()}, then the marker's key (integration object, destination, integration key).
     */
    public String newestLiveAndMarker(MarkerSql markers) {
        return "(" + newestLive() + ") UNION ALL (SELECT CAST(NULL AS VARCHAR(16)), m.hash_high, m.hash_low FROM "
                + markers.table() + " m WHERE m.integration_object = ? AND m.destination_id = ? "
                + "AND m.integration_key = ?)";
    }

    /**
     * PostgreSQL: the newest live entry of several keys of one webhook and destination, one row per key that has
     * one: integration key, change type, payload hash. Parameters: arrays of ordering hash and integration key,
     * then webhook and destination.
     */
    public String newestLiveOfKeys() {
        return "SELECT DISTINCT ON (o.integration_key) o.integration_key, o.change_type, o.payload_hash_high, "
                + "o.payload_hash_low FROM " + table + " o JOIN unnest(?::bigint[], ?::text[]) AS p(ordering_hash, "
                + "integration_key) ON o.ordering_hash = p.ordering_hash AND o.integration_key = p.integration_key "
                + "WHERE o.webhook_id = ? AND o.destination_id = ? AND o.status = 'LIVE' "
                + "ORDER BY o.integration_key, o.id DESC";
    }

    /** The creation time of the oldest live entry (lowest id: ids grow with appends). */
    public String oldestLive() {
        return "SELECT created_at FROM " + table + " WHERE status = 'LIVE' ORDER BY id LIMIT 1";
    }

    /** Counts live entries. */
    public String countLive() {
        return "SELECT COUNT(*) FROM " + table + " WHERE status = 'LIVE'";
    }

    /** When the earliest pending head is due (null when none), through the due-time index. */
    public String nextPendingDue() {
        return "SELECT o.next_attempt_at FROM " + table + " o WHERE o.head = TRUE AND o.claimed_by IS NULL "
                + "ORDER BY o.next_attempt_at LIMIT 1";
    }

    /** When the earliest lease ends (null when nothing is claimed), through the lease index. */
    public String nextLeaseEnd() {
        return "SELECT o.lease_until FROM " + table + " o WHERE o.lease_until IS NOT NULL "
                + "ORDER BY o.lease_until LIMIT 1";
    }

    /**
     * Makes a destination's pending entries that are not due yet due, attempts reset: now, destination, now. Scans
     * the destination's entries (an administrative operation, run when a disabled destination is enabled).
     */
    public String resumeDestination() {
        return "UPDATE " + table + " SET next_attempt_at = ?, attempts = 0 WHERE destination_id = ? "
                + "AND status = 'LIVE' AND claimed_by IS NULL AND next_attempt_at > ?";
    }

    private static String prefixed(String columns) {
        return "o." + columns.replace(", ", ", o.");
    }
}
