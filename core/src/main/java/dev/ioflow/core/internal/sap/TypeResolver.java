package dev.ioflow.core.internal.sap;

import dev.ioflow.core.ValueKind;
import dev.ioflow.core.internal.sap.TypeDeclarations.Attribute;
import dev.ioflow.core.internal.sap.TypeDeclarations.ItemDeclaration;
import dev.ioflow.core.internal.sap.TypeDeclarations.MapDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the declarations of all files into resolved types: enum types become item types extending
 * {@code EnumerationValue}, relation ends become attributes of their types, inherited attributes are flattened
 * in, and every declared type code is mapped to a value kind. Reports supertypes and relation types that no
 * file declares, and inheritance cycles.
 */
final class TypeResolver {
    private static final String ENUM_SUPERTYPE = "EnumerationValue";
    private static final String LOCALIZED_PREFIX = "localized:";
    private static final Map<String, ValueKind> ATOMIC = atomicKinds();

    private final TypeDeclarations declarations;
    private final XmlProblems problems;

    TypeResolver(TypeDeclarations declarations, XmlProblems problems) {
        this.declarations = declarations;
        this.problems = problems;
    }

    Map<String, ResolvedType> resolve() {
        for (String code : declarations.enums) {
            declarations.items.computeIfAbsent(code, c -> new ItemDeclaration(c, ENUM_SUPERTYPE, "enumtype " + c));
        }
        for (Map.Entry<String, Attribute> end : declarations.relationEnds) {
            ItemDeclaration owner = declarations.items.get(end.getKey());
            if (owner == null) {
                problems.add(end.getValue().at(), "relation end '" + end.getValue().qualifier() + "' belongs to type '"
                        + end.getKey() + "', which no items.xml declares");
            } else {
                owner.attributes.putIfAbsent(end.getValue().qualifier(), end.getValue());
            }
        }
        Map<String, ResolvedType> resolved = new LinkedHashMap<>();
        for (ItemDeclaration item : declarations.items.values()) {
            List<ItemDeclaration> chain = chain(item);
            if (chain != null) {
                resolved.put(item.code, new ResolvedType(item.code, item.supertype, attributes(chain)));
            }
        }
        return resolved;
    }

    /** The type and its supertypes, root first; null (reported) when a supertype is missing or a cycle. */
    private List<ItemDeclaration> chain(ItemDeclaration item) {
        List<ItemDeclaration> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        ItemDeclaration current = item;
        while (current != null) {
            if (!seen.add(current.code)) {
                if (current == item) {
                    problems.add(item.at, "item type '" + item.code + "' extends itself through " + String.join(" -> ", seen));
                }
                return null;
            }
            chain.add(0, current);
            if (current.supertype == null) {
                break;
            }
            ItemDeclaration next = declarations.items.get(current.supertype);
            if (next == null) {
                if (current == item) {
                    problems.add(item.at, "item type '" + item.code + "' extends '" + item.supertype
                            + "', which no items.xml declares");
                }
                return null;
            }
            current = next;
        }
        return chain;
    }

    private List<ResolvedType.Attribute> attributes(List<ItemDeclaration> chain) {
        Map<String, ResolvedType.Attribute> attributes = new LinkedHashMap<>();
        for (ItemDeclaration type : chain) {
            for (Attribute attribute : type.attributes.values()) {
                attributes.put(attribute.qualifier(), resolve(attribute));
            }
        }
        return List.copyOf(attributes.values());
    }

    private ResolvedType.Attribute resolve(Attribute attribute) {
        String type = attribute.type();
        boolean many = attribute.many();
        String element = declarations.collections.get(type);
        if (element != null) {
            if (many || declarations.collections.containsKey(element)) {
                return new ResolvedType.Attribute(attribute.qualifier(), ValueKind.ANY, true, null, attribute.unique(), attribute.mandatory());
            }
            type = element;
            many = true;
        }
        if (declarations.items.containsKey(type)) {
            return new ResolvedType.Attribute(attribute.qualifier(), ValueKind.ITEM, many, type, attribute.unique(), attribute.mandatory());
        }
        return new ResolvedType.Attribute(attribute.qualifier(), kindOf(type), many, null, attribute.unique(), attribute.mandatory());
    }

    private ValueKind kindOf(String type) {
        if (type.startsWith(LOCALIZED_PREFIX)) {
            return ValueKind.LOCALIZED;
        }
        MapDeclaration map = declarations.maps.get(type);
        if (map != null) {
            return "Language".equals(map.argumentType()) ? ValueKind.LOCALIZED : ValueKind.MAP;
        }
        return ATOMIC.getOrDefault(type, ValueKind.ANY);
    }

    private static Map<String, ValueKind> atomicKinds() {
        Map<String, ValueKind> kinds = new LinkedHashMap<>();
        for (String t : List.of("java.lang.String", "java.lang.Character", "char", "java.lang.Class")) {
            kinds.put(t, ValueKind.STRING);
        }
        for (String t : List.of("java.lang.Boolean", "boolean")) {
            kinds.put(t, ValueKind.BOOLEAN);
        }
        for (String t : List.of("java.lang.Integer", "int", "java.lang.Short", "short", "java.lang.Byte", "byte")) {
            kinds.put(t, ValueKind.INTEGER);
        }
        for (String t : List.of("java.lang.Long", "long", "java.math.BigInteger")) {
            kinds.put(t, ValueKind.LONG);
        }
        for (String t : List.of("java.lang.Double", "double", "java.lang.Float", "float")) {
            kinds.put(t, ValueKind.DOUBLE);
        }
        kinds.put("java.math.BigDecimal", ValueKind.DECIMAL);
        kinds.put("java.util.Date", ValueKind.DATE);
        kinds.put("java.util.Map", ValueKind.MAP);
        return Map.copyOf(kinds);
    }
}
