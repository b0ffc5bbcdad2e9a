package dev.ioflow.odata;

import dev.ioflow.core.ItemDraft;
import org.jspecify.annotations.Nullable;

/**
 * SAP's pre-persist hook: named by a request's {@code Pre-Persist-Hook} header and registered in code
 * ({@link InboundService.Builder#prePersistHook}). It runs after the payload was read and before anything of the
 * entity is saved, in the request's transaction.
 *
 * <p>ioflow hands the hook the read payload ({@link ItemDraft}: the values to write, nested drafts included) rather
 * than a half-saved item, because items of immutable types (records) only exist once stored. Return the draft
 * (possibly changed, or a new one) to persist it, or {@code null} to skip the entity: nothing is persisted and the
 * post hook does not run. An exception rolls the whole request back and is answered 400 {@code pre_persist_error}.
 *
 * <pre>{@code
 * PrePersistHook defaultName = (draft, context) -> draft.has("name") ? draft : withName(draft, "unnamed");
 * }</pre>
 *
 * @since 1.0
 */
@FunctionalInterface
public interface PrePersistHook {
    @Nullable ItemDraft beforePersist(ItemDraft draft, PersistenceContext context);
}
