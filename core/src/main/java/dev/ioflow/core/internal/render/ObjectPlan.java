package dev.ioflow.core.internal.render;

/**
 * How one integration-object item is written as a JSON object in one form (a payload style, or the canonical
 * form): attributes in output order and where the {@code integrationKey} and, in SAP style, the
 * {@code localizedAttributes} list go. Immutable once its graph is linked.
 */
final class ObjectPlan {
    final String itemCode;
    final AttributePlan[] attributes;
    /** The {@code integrationKey} field is written before {@code attributes[keyIndex]}; at the end when equal to the length. */
    final int keyIndex;
    /** The localized attributes; the style's list of them follows {@code attributes[localizedIndex]}; -1 for none. */
    final AttributePlan[] localized;
    final int localizedIndex;
    final KeyPlan key;
    /** Whether this item can nest itself (through other items), so a render must watch for revisited items. */
    final boolean recursive;
    /** For recursive plans: the form an item revisited on the current path is written in (key attributes only). */
    ObjectPlan referenceForm;

    ObjectPlan(String itemCode, AttributePlan[] attributes, int keyIndex, AttributePlan[] localized, int localizedIndex,
               KeyPlan key, boolean recursive) {
        this.itemCode = itemCode;
        this.attributes = attributes;
        this.keyIndex = keyIndex;
        this.localized = localized;
        this.localizedIndex = localizedIndex;
        this.key = key;
        this.recursive = recursive;
    }
}
