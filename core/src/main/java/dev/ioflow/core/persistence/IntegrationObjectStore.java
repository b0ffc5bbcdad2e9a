package dev.ioflow.core.persistence;

import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.ItemDraft;
import dev.ioflow.core.PayloadException;
import dev.ioflow.core.PayloadReader;
import dev.ioflow.core.PayloadRenderer;
import dev.ioflow.core.internal.inbound.StoreEngine;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One integration object's inbound operations over a {@link UnitOfWork}, by SAP's rules: upsert (POST), partial
 * update (PATCH), delete with {@code partOf} cascade, lookup by integration key, and queries in payload names.
 * Stateless apart from the compiled definition; use one from any number of threads, each with its own unit of
 * work. The caller commits the unit of work, or rolls it back when an operation throws.
 *
 * <pre>{@code
 * IntegrationObjectStore store = IntegrationObjectStore.of(ioProduct, types);
 * ItemRepository repository = new InMemoryItemRepository();
 * ItemDraft draft = store.reader().read("Product", json);                 // every problem at once, nothing written
 * Object product = repository.inTransaction(work -> store.upsert(work, draft));
 * String key = store.integrationKey("Product", product);                   // "Staged|Default|p1"
 * }</pre>
 *
 * <p><b>Upsert</b> (SAP's POST): each element's key (unique) attributes locate an existing item, which is updated,
 * or none, and the item is created. The posted element is always creatable; a nested one only when its attribute is
 * {@code autoCreate} or {@code partOf}, else it must exist: a missing one is a {@link PayloadException} with a
 * {@link dev.ioflow.core.PayloadProblem.Kind#MISSING_ITEM} problem (SAP's {@code missing_nav_property}). Nested
 * elements are stored before the element that refers to them (records need their parts to be constructed), so
 * each item is stored complete; except SAP's back references: a nested element may leave out a (key) reference to
 * an item on its path to the root ({@code OrderEntry.order} inside an order), which then takes the nearest such
 * ancestor: those nested elements are stored after their parent, and the parent is updated to refer to them.
 * A reference to an item that is created later in the payload is not resolved (SAP: reorder the payload). On update, given collections are added to the existing ones (duplicates merged)
 * and given map entries merged into the existing map; a null collection keeps the existing one; attributes left
 * out keep their values; an update that changes nothing does not touch the item. Items in a collection are the
 * same when their integration keys are.
 *
 * <p><b>Mandatory attributes</b> ({@link dev.ioflow.core.AttributeDescriptor#mandatory()}) follow SAP's presence
 * rules, for the attributes the integration object maps: an element that creates its item (the posted one, or a
 * nested one through {@code autoCreate}/{@code partOf}) needs a value for each, absent or null being a
 * {@link dev.ioflow.core.PayloadProblem.Kind#MISSING_VALUE} problem (SAP's {@code missing_property}), or for what
 * {@code $metadata} shows as a navigation property (a reference, enum, collection or map) a
 * {@link dev.ioflow.core.PayloadProblem.Kind#MISSING_ITEM} one (SAP's {@code missing_nav_property}); an empty
 * collection is a value. An update keeps what it leaves out, and a POST's null collection, but may not set a mandatory
 * single value to null, nor a PATCH a mandatory collection. All problems of the item being created are reported
 * together, each at its JSON path; nothing is stored (the caller rolls back).
 *
 * <p><b>Integration keys</b> are computed by the renderer's code ({@link PayloadRenderer#integrationKey(Object)}
 * rules), and parsed back for lookups: split at {@code |}, URL-decoded, matched to the key attributes in alias
 * order (a unique reference's part looks the referenced item up first). Null key values follow one rule, the
 * renderer's ({@link dev.ioflow.core.MissingKeyValueException}): as SAP's inbound service allows "null primitive
 * optional key parts" and keys them as {@code null} ("a missing key value renders as null"), the store accepts a
 * null value of a key attribute that is a primitive the type system declares neither mandatory nor unique, when
 * another key attribute has a value, and keys it {@code c1|null}; a lookup reads that part as null, so such an
 * attribute cannot hold the text "null" distinctly beside a value. A null key reference, a null required key value,
 * a single-part key's null value and a key with no value at all are
 * {@link dev.ioflow.core.PayloadProblem.Kind#MISSING_KEY} problems (also when a PATCH would leave one), so every
 * stored item can be rendered, and its change sent to a webhook.
 *
 * @since 1.0
 */
public final class IntegrationObjectStore {
    private final PayloadReader reader;
    private final StoreEngine engine;

    private IntegrationObjectStore(PayloadReader reader) {
        this.reader = reader;
        this.engine = StoreEngine.compile(reader.integrationObject(), reader.typeSystem());
    }

    /**
     * A store for this integration object over this type system.
     *
     * @throws dev.ioflow.core.InvalidDefinitionException listing every problem of the definition
     */
    public static IntegrationObjectStore of(IntegrationObject integrationObject, dev.ioflow.core.TypeSystem typeSystem) {
        return new IntegrationObjectStore(PayloadReader.of(integrationObject, typeSystem));
    }

    /** A store over the reader's integration object and type system. */
    public static IntegrationObjectStore of(PayloadReader reader) {
        return new IntegrationObjectStore(Objects.requireNonNull(reader, "reader"));
    }

    /** The reader of this store's payloads. */
    public PayloadReader reader() {
        return reader;
    }

    /** The integration object. */
    public IntegrationObject integrationObject() {
        return reader.integrationObject();
    }

    /**
     * Creates or updates the draft's item and its nested items (SAP's POST).
     *
     * @return the stored item of the draft (for records, the instance now stored)
     * @throws PayloadException with a {@code MISSING_ITEM} problem when a nested item neither exists nor may be created
     */
    public Object upsert(UnitOfWork work, ItemDraft draft) {
        return engine.upsert(work, draft);
    }

    /**
     * Updates the existing item with this key from a {@link PayloadReader#readPartial partially read} draft (SAP's
     * PATCH): given attributes replace the item's values, collections and maps included; left-out ones stay.
     * Nested elements are upserted as in {@link #upsert}.
     *
     * @return the updated item, or null when no item has this key
     * @throws PayloadException with an {@code INVALID_KEY} problem when the key cannot be parsed or the payload's
     *                          key attributes differ from it; {@code MISSING_ITEM} as for upsert
     */
    public @Nullable Object patch(UnitOfWork work, String integrationKey, ItemDraft draft) {
        return engine.patch(work, Objects.requireNonNull(integrationKey, "integrationKey"), draft);
    }

    /**
     * The item of {@code itemCode} with this integration key, or null.
     *
     * @throws PayloadException with an {@code INVALID_KEY} problem when the key has the wrong number of parts
     *                          or a part cannot be a value of its attribute
     */
    public @Nullable Object find(UnitOfWork work, String itemCode, String integrationKey) {
        return engine.find(work, itemCode, Objects.requireNonNull(integrationKey, "integrationKey"));
    }

    /**
     * Deletes the item with this key and, recursively, the items it holds through {@code partOf} attributes.
     *
     * @return whether an item had this key
     * @throws PayloadException with an {@code INVALID_KEY} problem when the key cannot be parsed
     */
    public boolean delete(UnitOfWork work, String itemCode, String integrationKey) {
        return engine.delete(work, itemCode, Objects.requireNonNull(integrationKey, "integrationKey"));
    }

    /**
     * The items of {@code itemCode} matching a query written in payload names: paths of one navigation level
     * ({@code catalogVersion/version}), {@code nav/integrationKey} compared with a key text (eq, ne), literals as
     * OData hands them over (text, numbers, {@code Calendar}…: converted to the attribute's type).
     *
     * @throws InvalidQueryException naming the path or value that cannot be queried
     */
    public List<Object> query(UnitOfWork work, String itemCode, ItemQuery query) {
        return engine.query(work, itemCode, Objects.requireNonNull(query, "query"));
    }

    /**
     * How many items of {@code itemCode} match the filter (in payload names, as for {@link #query}).
     *
     * @throws InvalidQueryException naming the path or value that cannot be queried
     */
    public long count(UnitOfWork work, String itemCode, @Nullable ItemFilter filter) {
        return engine.count(work, itemCode, filter);
    }

    /**
     * The integration key of an item of the integration-object item {@code itemCode}.
     *
     * @throws dev.ioflow.core.MissingKeyValueException naming the path of a key attribute with no value
     */
    public String integrationKey(String itemCode, Object item) {
        return engine.integrationKey(itemCode, Objects.requireNonNull(item, "item"));
    }

    @Override
    public String toString() {
        return "IntegrationObjectStore[" + reader.integrationObject().code() + "]";
    }
}
