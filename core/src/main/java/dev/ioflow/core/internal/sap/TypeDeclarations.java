package dev.ioflow.core.internal.sap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code items.xml} files declare, gathered over several files in order (the built-in platform catalog
 * first): item types with their supertype and own attributes, enum types, collection and map types. A later
 * declaration of a known item type adds or redeclares attributes, as an extension's {@code autocreate="false"}
 * declaration does in SAP Commerce. Not thread-safe; used while reading.
 */
final class TypeDeclarations {

    /**
     * One declared attribute.
     *
     * @param qualifier the attribute's name
     * @param type      the declared type code, e.g. {@code java.lang.String}, {@code localized:java.lang.String},
     *                  {@code Product} or a collection type's code
     * @param many      whether a relation end makes it a collection of {@code type}
     * @param unique    SAP's {@code unique} modifier
     * @param mandatory SAP's {@code optional="false"} modifier, without a {@code defaultvalue}
     * @param at        where it is declared, {@code file:line}
     */
    record Attribute(String qualifier, String type, boolean many, boolean unique, boolean mandatory, String at) {
    }

    /** One item type: its supertype and own attributes by qualifier. */
    static final class ItemDeclaration {
        final String code;
        String supertype;
        final String at;
        final Map<String, Attribute> attributes = new LinkedHashMap<>();

        ItemDeclaration(String code, String supertype, String at) {
            this.code = code;
            this.supertype = supertype;
            this.at = at;
        }
    }

    /**
     * A map type.
     *
     * @param argumentType the key type, {@code Language} for localized values
     * @param returnType   the value type
     */
    record MapDeclaration(String argumentType, String returnType) {
    }

    final Map<String, ItemDeclaration> items = new LinkedHashMap<>();
    final Set<String> enums = new LinkedHashSet<>();
    final Map<String, String> collections = new LinkedHashMap<>();
    final Map<String, MapDeclaration> maps = new LinkedHashMap<>();
    /** Relation ends, added to their types once every file is read (the type may be declared later). */
    final List<Map.Entry<String, Attribute>> relationEnds = new ArrayList<>();
}
