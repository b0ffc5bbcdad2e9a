package dev.ioflow.core.internal.definitions;

import dev.ioflow.core.internal.definitions.JsonValueAt.Kind;
import dev.ioflow.core.internal.definitions.JsonValueAt.Member;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Typed, problem-collecting access to the members of one JSON object of a definition. Unknown, duplicate and
 * wrongly typed members are reported (with their JSON path and position) rather than thrown, so that a file's
 * problems are all listed at once; a getter whose member is unusable answers as if it were absent.
 */
final class JsonFields {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final JsonValueAt object;
    private final String path;
    private final Problems problems;
    private final Map<String, Member> members = new LinkedHashMap<>();

    private JsonFields(JsonValueAt object, String path, List<String> allowed, Problems problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
        for (Member member : object.members()) {
            String memberPath = member(path, member.name());
            if (!allowed.contains(member.name())) {
                problems.json(memberPath, member.line(), member.column(),
                        "unknown property '" + member.name() + "'; allowed: " + String.join(", ", allowed));
            } else if (members.putIfAbsent(member.name(), member) != null) {
                problems.json(memberPath, member.line(), member.column(),
                        "duplicate property '" + member.name() + "'");
            }
        }
    }

    /** The members of {@code value}, or empty (with a problem) when it is not an object. */
    static Optional<JsonFields> of(JsonValueAt value, String path, List<String> allowed, Problems problems) {
        if (value.kind() != Kind.OBJECT) {
            problems.json(value, path, "expected an object but found " + value.describe());
            return Optional.empty();
        }
        return Optional.of(new JsonFields(value, path, allowed, problems));
    }

    /** A member's path: {@code $.items} or, for names that are not identifiers, {@code $['odd name']}. */
    static String member(String parent, String name) {
        return PLAIN_NAME.matcher(name).matches() ? parent + "." + name : parent + "['" + name.replace("'", "\\'") + "']";
    }

    /** Whether the member is present (with any value, even null). */
    boolean has(String name) {
        return members.containsKey(name);
    }

    /** A string member; absent or null gives empty. */
    Optional<String> text(String name) {
        return value(name, Kind.STRING).map(v -> (String) v.scalar());
    }

    /** A required, non-blank string member; a problem is added when it is missing or blank. */
    Optional<String> requiredText(String name) {
        Member member = members.get(name);
        if (member == null || member.value().kind() == Kind.NULL) {
            problems.json(object, path, "missing required property '" + name + "'");
            return Optional.empty();
        }
        Optional<String> text = text(name);
        if (text.isPresent() && text.get().isBlank()) {
            problems.json(member.value(), member(path, name), "'" + name + "' must not be blank");
            return Optional.empty();
        }
        return text;
    }

    /** An object member with these allowed properties; absent or null gives empty. */
    Optional<JsonFields> object(String name, List<String> allowed) {
        return value(name, Kind.OBJECT).flatMap(v -> of(v, member(path, name), allowed, problems));
    }

    /** A boolean member; absent gives false. */
    boolean flag(String name) {
        return value(name, Kind.BOOLEAN).map(v -> (Boolean) v.scalar()).orElse(false);
    }

    /** An enum member written as the constant's name; absent or unknown gives the default. */
    <E extends Enum<E>> E enumValue(String name, Class<E> type, E defaultValue) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text.get())) {
                return constant;
            }
        }
        problems.json(members.get(name).value(), member(path, name), "unknown " + name + " '" + text.get()
                + "'; allowed: " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        return defaultValue;
    }

    /** The elements of an array member with their paths; absent or null gives an empty list. */
    List<Element> array(String name) {
        List<Element> elements = new ArrayList<>();
        value(name, Kind.ARRAY).ifPresent(array -> {
            for (int i = 0; i < array.elements().size(); i++) {
                elements.add(new Element(array.elements().get(i), member(path, name) + "[" + i + "]"));
            }
        });
        return elements;
    }

    /** One element of an array member and its path. */
    record Element(JsonValueAt value, String path) {
    }

    private Optional<JsonValueAt> value(String name, Kind expected) {
        Member member = members.get(name);
        if (member == null || member.value().kind() == Kind.NULL) {
            return Optional.empty();
        }
        if (member.value().kind() != expected) {
            problems.json(member.value(), member(path, name),
                    "expected " + expected.description() + " but found " + member.value().describe());
            return Optional.empty();
        }
        return Optional.of(member.value());
    }
}
