package dev.ioflow.destinations.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ioflow.destinations.SecretResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Replaces {@code ${scheme:name}} references in every string of a destination's JSON, in place. A reference
 * that cannot be resolved is reported with its path and left as written, so that no later check reports
 * the same field again.
 */
final class ReferenceResolver {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_.-]*):([^}]+)}");

    private final SecretResolver secrets;

    ReferenceResolver(SecretResolver secrets) {
        this.secrets = secrets;
    }

    /** Resolves the references under {@code node}; problems are "path: message" strings relative to it. */
    void resolve(JsonNode node, String path, List<String> problems) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String childPath = path.isEmpty() ? name : path + "." + name;
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.set(name, resolveText(child.asText(), childPath, problems));
                } else {
                    resolve(child, childPath, problems);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = path + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, resolveText(array.get(i).asText(), childPath, problems));
                } else {
                    resolve(array.get(i), childPath, problems);
                }
            }
        }
    }

    private JsonNode resolveText(String text, String path, List<String> problems) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        boolean unresolved = false;
        while (matcher.find()) {
            String value = resolveReference(matcher.group(1), matcher.group(2).strip());
            if (value == null) {
                unresolved = true;
                problems.add(path + ": reference " + matcher.group() + " cannot be resolved" + hint(matcher.group(1)));
                matcher.appendReplacement(resolved, "");
            } else {
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
            }
        }
        matcher.appendTail(resolved);
        return TextNode.valueOf(unresolved ? text : resolved.toString());
    }

    private @Nullable String resolveReference(String scheme, String name) {
        try {
            return secrets.resolve(scheme, name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String hint(String scheme) {
        return switch (scheme) {
            case "env" -> " (environment variable not set)";
            case "file" -> " (file missing or not readable)";
            default -> " (no value for scheme '" + scheme + "'; the default resolver knows env and file)";
        };
    }
}
