package dev.ioflow.odata;

/**
 * SAP's post-persist hook: named by a request's {@code Post-Persist-Hook} header and registered in code
 * ({@link InboundService.Builder#postPersistHook}). It runs after the entity was saved, before the transaction
 * commits; an exception rolls the whole request back and is answered 400 {@code post_persist_error}.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface PostPersistHook {
    /** Called with the stored item (for records: the instance now stored). */
    void afterPersist(Object item, PersistenceContext context);
}
