package dev.ioflow.odata.internal.edm;

import dev.ioflow.core.AttributeDescriptor;
import dev.ioflow.core.IntegrationObject;
import dev.ioflow.core.IntegrationObjectAttribute;
import dev.ioflow.core.IntegrationObjectItem;
import dev.ioflow.core.ItemType;
import dev.ioflow.core.TypeSystem;
import dev.ioflow.core.ValueKind;
import dev.ioflow.core.VirtualAttributeFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.olingo.odata2.api.edm.EdmSimpleTypeKind;
import org.jspecify.annotations.Nullable;

/**
 * The OData view of one integration object: its entity types (items and helper types) with their properties and
 * navigation properties, derived once from the definition and the type system. Both the EDMX and the request
 * processing read it.
 */
public final class IoModel {
    /** The schema namespace of SAP's services. */
    public static final String NAMESPACE = "HybrisCommerceOData";
    /** The synthetic key property of every item entity type. */
    public static final String INTEGRATION_KEY = "integrationKey";
    /** The reserved navigation property of items with localized attributes. */
    public static final String LOCALIZED_ATTRIBUTES = "localizedAttributes";
    static final String LOCALIZED_PREFIX = "Localized___";
    /** The one property of an enum value besides its key, as in SAP's {@code {"gender":{"code":"MALE"}}}. */
    public static final String ENUM_CODE = "code";

    private final IntegrationObject integrationObject;
    private final TypeSystem typeSystem;
    private final Map<String, VirtualAttributeFunction> virtualFunctions;
    private final Map<String, EntityModel> byName = new LinkedHashMap<>();
    private final Map<String, EntityModel> bySet = new LinkedHashMap<>();

    private IoModel(IntegrationObject integrationObject, TypeSystem typeSystem, Map<String, VirtualAttributeFunction> virtualFunctions) {
        this.integrationObject = integrationObject;
        this.typeSystem = typeSystem;
        this.virtualFunctions = Map.copyOf(virtualFunctions);
    }

    /** Derives the model without virtual functions; the definition must already be valid for the type system. */
    public static IoModel of(IntegrationObject io, TypeSystem types) {
        return of(io, types, Map.of());
    }

    /**
     * Derives the model; the definition must already be valid for the type system. {@code virtualFunctions} compute
     * virtual attributes by logic location (a virtual attribute without one reads as null).
     */
    public static IoModel of(IntegrationObject io, TypeSystem types, Map<String, VirtualAttributeFunction> virtualFunctions) {
        IoModel model = new IoModel(io, types, virtualFunctions);
        Map<String, EntityModel> helpers = new LinkedHashMap<>();
        for (IntegrationObjectItem item : io.items()) {
            model.add(model.itemEntity(item, helpers));
        }
        helpers.values().forEach(model::add);
        return model;
    }

    public IntegrationObject integrationObject() {
        return integrationObject;
    }

    public TypeSystem typeSystem() {
        return typeSystem;
    }

    public Collection<EntityModel> entities() {
        return byName.values();
    }

    /** The function computing a virtual attribute, or null when none is registered for its logic location. */
    public @Nullable VirtualAttributeFunction virtualFunction(IntegrationObjectAttribute attribute) {
        String location = attribute.logicLocation();
        return location == null ? null : virtualFunctions.get(location);
    }

    public @Nullable EntityModel entity(String name) {
        return byName.get(name);
    }

    public @Nullable EntityModel entitySet(String setName) {
        return bySet.get(setName);
    }

    /** The entity type of the IO item {@code itemCode}. */
    public EntityModel item(String itemCode) {
        EntityModel e = byName.get(itemCode);
        if (e == null || !e.isItem()) {
            throw new IllegalArgumentException("no item " + itemCode + " in " + integrationObject.code());
        }
        return e;
    }

    private void add(EntityModel entity) {
        byName.put(entity.name(), entity);
        bySet.put(entity.setName(), entity);
    }

    private EntityModel itemEntity(IntegrationObjectItem item, Map<String, EntityModel> helpers) {
        ItemType type = typeSystem.require(item.type());
        List<PropertyModel> properties = new ArrayList<>();
        List<NavModel> navs = new ArrayList<>();
        List<PropertyModel> localized = new ArrayList<>();
        for (IntegrationObjectAttribute attribute : item.attributes()) {
            if (attribute.isVirtual()) {
                // SAP exposes virtual attributes as read-only properties; their script's type is not declared here
                properties.add(new PropertyModel(attribute.name(), attribute, null, EdmSimpleTypeKind.String, false, false, true));
                continue;
            }
            if (attribute.source() == null) {
                continue;
            }
            AttributeDescriptor d = java.util.Objects.requireNonNull(type.attribute(attribute.source()), attribute.source());
            if (attribute.isNested()) {
                navs.add(new NavModel(attribute.name(), NavModel.Kind.ITEM, attribute, d, attribute.returnItem(),
                        attribute.returnItem(), d.many()));
            } else if (d.kind() == ValueKind.MAP) {
                EntityModel map = helpers.computeIfAbsent("String2StringMapType", IoModel::mapType);
                navs.add(new NavModel(attribute.name(), NavModel.Kind.MAP, attribute, d, map.name(), map.name(), true));
            } else if (d.kind() == ValueKind.ENUM) {
                EntityModel values = helpers.computeIfAbsent(enumTypeName(attribute, helpers), IoModel::enumType);
                navs.add(new NavModel(attribute.name(), NavModel.Kind.ENUM, attribute, d, values.name(), values.name(), d.many()));
            } else if (d.many()) {
                EdmSimpleTypeKind edm = edmType(d.kind());
                String simple = javaName(d.kind());
                EntityModel values = helpers.computeIfAbsent(simple, n -> primitivesType(n, edm));
                navs.add(new NavModel(attribute.name(), NavModel.Kind.PRIMITIVES, attribute, d, values.name(),
                        javaPackage(d.kind()) + simple, true));
            } else {
                PropertyModel p = new PropertyModel(attribute.name(), attribute, d, edmType(d.kind()), attribute.unique() || d.unique(),
                        d.isLocalized(), !required(d));
                properties.add(p);
                if (p.localized()) {
                    localized.add(p);
                }
            }
        }
        properties.add(new PropertyModel(INTEGRATION_KEY, null, null, EdmSimpleTypeKind.String, false, false, false));
        if (!localized.isEmpty()) {
            String name = LOCALIZED_PREFIX + item.code();
            List<PropertyModel> props = new ArrayList<>(localized);
            props.add(PropertyModel.synthetic("language", EdmSimpleTypeKind.String, false));
            helpers.put(name, new EntityModel(name, EntitySetNames.plural(name), null, null, "language", null, props, List.of()));
            navs.add(new NavModel(LOCALIZED_ATTRIBUTES, NavModel.Kind.LOCALIZED, null, null, name, name, true));
        }
        return new EntityModel(item.code(), EntitySetNames.plural(item.code()), item, type, INTEGRATION_KEY,
                keyAlias(item), List.copyOf(properties), List.copyOf(navs));
    }

    /** SAP's {@code s:Alias}: {@code Item_attribute} per key attribute, references expanded, code-point sorted, joined by {@code |}. */
    private String keyAlias(IntegrationObjectItem item) {
        TreeSet<String> segments = new TreeSet<>();
        collectSegments(item, segments, 0);
        return String.join("|", segments);
    }

    private void collectSegments(IntegrationObjectItem item, TreeSet<String> segments, int depth) {
        if (depth > integrationObject.items().size()) {
            return; // validation rejects key cycles; this only guards the recursion
        }
        for (IntegrationObjectAttribute a : item.uniqueAttributes()) {
            if (a.isNested()) {
                IntegrationObjectItem ref = integrationObject.item(a.returnItem());
                if (ref != null) {
                    collectSegments(ref, segments, depth + 1);
                }
            } else {
                segments.add(item.code() + "_" + a.name());
            }
        }
    }

    /**
     * Whether the EDMX declares the attribute {@code Nullable="false"}. SAP derives it from the type system, not
     * from the integration object: mandatory attributes ({@code optional="false"}, here
     * {@link AttributeDescriptor#mandatory()}) and the type system's unique ones are non-nullable; an attribute
     * only the integration object makes unique stays nullable unless mandatory (captured schemas:
     * {@code B2BCustomer.customerID}, {@code Address.publicKey}, {@code OrderEntry.entryNumber}).
     */
    public static boolean required(AttributeDescriptor descriptor) {
        return descriptor.unique() || descriptor.mandatory();
    }

    /**
     * The helper entity type of an enum attribute. SAP names it after the enum type ({@code Gender}); ioflow's type
     * systems do not name enum types, so the capitalized attribute name stands in ({@code gender} → {@code Gender}),
     * suffixed with {@code Enum} when an item or another helper already uses that name.
     */
    private String enumTypeName(IntegrationObjectAttribute attribute, Map<String, EntityModel> helpers) {
        String name = Character.toUpperCase(attribute.name().charAt(0)) + attribute.name().substring(1);
        EntityModel existing = helpers.get(name);
        boolean taken = integrationObject.item(name) != null || existing != null && existing.keyAlias() != null
                && !existing.keyAlias().equals(name + "_code");
        return taken ? name + "Enum" : name;
    }

    /** SAP's enum entity type: key {@code integrationKey} (the code, alias {@code <Enum>_code}) and the unique {@code code}. */
    private static EntityModel enumType(String name) {
        return new EntityModel(name, EntitySetNames.plural(name), null, null, INTEGRATION_KEY, name + "_code",
                List.of(new PropertyModel(ENUM_CODE, null, null, EdmSimpleTypeKind.String, true, false, false),
                        PropertyModel.synthetic(INTEGRATION_KEY, EdmSimpleTypeKind.String, false)), List.of());
    }

    private static EntityModel mapType(String name) {
        return new EntityModel(name, EntitySetNames.plural(name), null, null, "key", null,
                List.of(PropertyModel.synthetic("key", EdmSimpleTypeKind.String, false),
                        PropertyModel.synthetic("value", EdmSimpleTypeKind.String, true)), List.of());
    }

    private static EntityModel primitivesType(String name, EdmSimpleTypeKind edm) {
        return new EntityModel(name, EntitySetNames.plural(name), null, null, "value", null,
                List.of(PropertyModel.synthetic("value", edm, false)), List.of());
    }

    /**
     * The Edm type of a value kind, as SAP maps the platform types: decimals (like SAP's BigDecimal) as
     * {@code Edm.String} (enums are navigation properties, see {@link NavModel.Kind#ENUM}), longs as {@code Edm.Int64} (what captured schemas show), every date kind as
     * {@code Edm.DateTime}.
     */
    public static EdmSimpleTypeKind edmType(ValueKind kind) {
        return switch (kind) {
            case BOOLEAN -> EdmSimpleTypeKind.Boolean;
            case INTEGER -> EdmSimpleTypeKind.Int32;
            case LONG -> EdmSimpleTypeKind.Int64;
            case DOUBLE -> EdmSimpleTypeKind.Double;
            case DATE, LOCAL_DATE, LOCAL_DATE_TIME -> EdmSimpleTypeKind.DateTime;
            default -> EdmSimpleTypeKind.String;
        };
    }

    private static String javaName(ValueKind kind) {
        return switch (kind) {
            case BOOLEAN -> "Boolean";
            case INTEGER -> "Integer";
            case LONG -> "Long";
            case DOUBLE -> "Double";
            case DECIMAL -> "BigDecimal";
            case DATE, LOCAL_DATE, LOCAL_DATE_TIME -> "Date";
            default -> "String";
        };
    }

    private static String javaPackage(ValueKind kind) {
        return switch (kind) {
            case DECIMAL -> "java.math.";
            case DATE, LOCAL_DATE, LOCAL_DATE_TIME -> "java.util.";
            default -> "java.lang.";
        };
    }
}
