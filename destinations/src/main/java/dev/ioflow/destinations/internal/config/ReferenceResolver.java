package dev.ioflow.destinations.internal.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ioflow.destinations.DestinationConfigException;
import dev.ioflow.destinations.SecretResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Replaces {@code ${scheme:name}} references in every string of a destination's JSON, in place. A reference
 * that cannot be resolved is reported with its path and left as written, so that no later check reports
 * the same field again. What was resolved is remembered ({@link Resolved}) so that messages can name the
 * reference instead of the value: every resolved value counts as a secret.
 */
final class ReferenceResolver {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_.-]*):([^}]+)}");
    /** Shorter values are not scrubbed from messages: they would garble words and hide nothing worth hiding. */
    private static final int MIN_SCRUBBED_LENGTH = 4;

    /** The references resolved in one destination: by field path, and by value for scrubbing messages. */
    static final class Resolved {
        private final Map<String, List<String>> referencesByPath = new LinkedHashMap<>();
        private final Map<String, String> referenceByValue = new LinkedHashMap<>();

        /** The references written in the field, e.g. {@code [${env:CRM_URL}]}; empty when none. */
        List<String> at(String path) {
            return referencesByPath.getOrDefault(path, List.of());
        }

        /** How a value of a field is shown: quoted, or as {@code the value of ${env:X}} when it came from references. */
        String show(String path, String value) {
            List<String> references = at(path);
            return references.isEmpty() ? "'" + value + "'" : "the value of " + String.join(" and ", references);
        }

        /** The message with every resolved value replaced by its reference: a last guard for messages built elsewhere. */
        String scrub(String message) {
            String scrubbed = message;
            for (Map.Entry<String, String> e : referenceByValue.entrySet()) {
                if (e.getKey().length() >= MIN_SCRUBBED_LENGTH) {
                    scrubbed = scrubbed.replace(e.getKey(), e.getValue());
                }
            }
            return scrubbed;
        }
    }

    private final SecretResolver secrets;

    ReferenceResolver(SecretResolver secrets) {
        this.secrets = secrets;
    }

    /** Resolves the references under {@code node}; problems are "path: message" strings relative to it. */
    Resolved resolve(JsonNode node, List<String> problems) {
        Resolved resolved = new Resolved();
        resolve(node, "", problems, resolved);
        return resolved;
    }

    private void resolve(JsonNode node, String path, List<String> problems, Resolved resolved) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String childPath = path.isEmpty() ? name : path + "." + name;
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.set(name, resolveText(child.asText(), childPath, problems, resolved));
                } else {
                    resolve(child, childPath, problems, resolved);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = path + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, resolveText(array.get(i).asText(), childPath, problems, resolved));
                } else {
                    resolve(array.get(i), childPath, problems, resolved);
                }
            }
        }
    }

    private JsonNode resolveText(String text, String path, List<String> problems, Resolved resolved) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean unresolved = false;
        List<String> references = new ArrayList<>();
        while (matcher.find()) {
            String reference = matcher.group();
            String why = null;
            String value;
            try {
                value = secrets.resolve(matcher.group(1), matcher.group(2).strip());
            } catch (DestinationConfigException e) {
                value = null;
                why = String.join("; ", e.problems());
            } catch (RuntimeException e) {
                value = null;
                why = "the secret resolver failed: " + e.getClass().getName();
            }
            if (value == null) {
                unresolved = true;
                problems.add(path + ": reference " + reference + " cannot be resolved ("
                        + (why != null ? why : hint(matcher.group(1))) + ")");
                matcher.appendReplacement(out, "");
            } else {
                references.add(reference);
                resolved.referenceByValue.putIfAbsent(value, reference);
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        matcher.appendTail(out);
        if (!references.isEmpty()) {
            resolved.referencesByPath.put(path, references);
        }
        return TextNode.valueOf(unresolved ? text : out.toString());
    }

    private static String hint(@Nullable String scheme) {
        return switch (scheme == null ? "" : scheme) {
            case "env" -> "environment variable not set";
            case "file" -> "file missing or not readable";
            default -> "no value for scheme '" + scheme + "'; the default resolver knows env and file";
        };
    }
}
