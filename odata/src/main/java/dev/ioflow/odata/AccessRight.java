package dev.ioflow.odata;

/**
 * What a principal may do with an integration object's service, as SAP's integration groups grant it.
 *
 * @since 1.0
 */
public enum AccessRight {
    /** GET: entities, collections, navigation, {@code $count}, {@code $metadata} (SAP: {@code integrationviewgroup}). */
    READ,
    /** POST and PATCH: create and update (SAP: {@code integrationcreategroup}, which may also read {@code $metadata}). */
    WRITE,
    /** DELETE by key (SAP: {@code integrationdeletegroup}). */
    DELETE
}
