package dev.ioflow.destinations.internal.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ioflow.destinations.ConsumedDestination;
import dev.ioflow.destinations.DestinationConfigException;
import dev.ioflow.destinations.SecretResolver;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Reads a destination file: JSON → secret references resolved → records bound by Jackson → validated by
 * Jakarta Validation → {@link ConsumedDestination}s. Collects every problem of every destination, each
 * prefixed with its path ({@code destinations[emarsys].credential.clientSecret}), and throws them together.
 * Problem messages quote field names and references, never resolved values.
 */
public final class DestinationFileReader {
    private final ReferenceResolver references;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /** @param secrets resolves the {@code ${scheme:name}} references of the file */
    public DestinationFileReader(SecretResolver secrets) {
        this.references = new ReferenceResolver(secrets);
    }

    /** The destinations of the file, in file order. */
    public List<ConsumedDestination> read(String json) {
        JsonNode root = parse(json);
        List<String> problems = new ArrayList<>();
        JsonNode list = root.get("destinations");
        Iterator<String> fields = root.fieldNames();
        fields.forEachRemaining(name -> {
            if (!name.equals("destinations")) {
                problems.add(name + ": unknown field; a destination file has only 'destinations'");
            }
        });
        if (list == null || !list.isArray()) {
            problems.add("destinations: must be an array of destinations");
            throw new DestinationConfigException(problems);
        }
        List<ConsumedDestination> destinations = new ArrayList<>();
        try (ValidatorFactory validation = validatorFactory()) {
            EntryMapper entries = new EntryMapper();
            for (int i = 0; i < list.size(); i++) {
                String prefix = "destinations[" + label(list.get(i), i) + "]";
                List<String> entryProblems = new ArrayList<>();
                ConsumedDestination destination = readOne(list.get(i), validation.getValidator(), entries, entryProblems);
                entryProblems.forEach(p -> problems.add(prefix + (p.startsWith(":") ? "" : ".") + p));
                if (destination != null) {
                    destinations.add(destination);
                }
            }
        }
        problems.addAll(duplicates(list));
        if (!problems.isEmpty()) {
            throw new DestinationConfigException(problems);
        }
        return destinations;
    }

    /**
     * Hibernate Validator with plain-text messages ({@link ParameterMessageInterpolator}): the constraints of the
     * destination records need no Jakarta EL, so no EL implementation is on the class path. Chosen explicitly: no
     * provider lookup on the module path.
     */
    private static ValidatorFactory validatorFactory() {
        HibernateValidatorBanner.quiet();
        return Validation.byProvider(HibernateValidator.class)
                .providerResolver(() -> List.of(new HibernateValidator()))
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
    }

    private JsonNode parse(String json) {
        try (JsonParser parser = mapper.createParser(json)) {
            try {
                JsonNode root = mapper.readTree(parser);
                if (root == null || !root.isObject()) {
                    throw new DestinationConfigException("destination file must hold a JSON object with a 'destinations' array");
                }
                return root;
            } catch (JsonProcessingException e) {
                // Limit violations (nesting, number length) carry no location of their own: the parser knows where it is.
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                throw new DestinationConfigException("destination file is not valid JSON at line " + at.getLineNr()
                        + ", column " + at.getColumnNr() + ": " + withoutQuotedTokens(e.getOriginalMessage()));
            }
        } catch (IOException e) {
            throw new DestinationConfigException("destination file is not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Jackson's syntax errors quote the offending token ({@code Unrecognized token 's3cret'}), which may be a
     * secret written without quotes: keep the explanation, drop the token.
     */
    private static String withoutQuotedTokens(String message) {
        return message == null ? "" : message.replaceAll("'[^']*'", "'…'").replaceAll(", from `[^`]*`", "");
    }

    /** One destination; problems are relative to it ("url: …", "credential.password: …", ": must be an object"). */
    private @Nullable ConsumedDestination readOne(JsonNode node, Validator validator, EntryMapper entries,
                                                  List<String> problems) {
        if (!node.isObject()) {
            problems.add(": must be a JSON object");
            return null;
        }
        JsonNode copy = node.deepCopy();
        ReferenceResolver.Resolved resolved = references.resolve(copy, problems);
        List<String> found = new ArrayList<>();
        DestinationEntry entry = bind(copy, resolved, found);
        if (entry != null) {
            for (ConstraintViolation<DestinationEntry> violation : validator.validate(entry)) {
                found.add(violation.getPropertyPath() + ": " + violation.getMessage());
            }
        }
        found.forEach(p -> problems.add(resolved.scrub(p)));
        return entry != null && problems.isEmpty() ? entries.toDestination(entry, resolved, problems) : null;
    }

    private @Nullable DestinationEntry bind(JsonNode node, ReferenceResolver.Resolved resolved, List<String> problems) {
        try {
            return mapper.treeToValue(node, DestinationEntry.class);
        } catch (JsonMappingException e) {
            String path = path(e);
            problems.add(path + ": " + describe(e, resolved));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(": invalid destination (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    /** Jackson's messages may quote the offending value, which may be a resolved secret: describe by type only. */
    private static String describe(JsonMappingException e, ReferenceResolver.Resolved resolved) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field; known fields: " + unknown.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidTypeIdException typeId) {
            return typeId.getTypeId() == null
                    ? "credential 'type' is missing; one of " + CredentialEntry.TYPES
                    : "unknown credential type " + resolved.show("credential.type", typeId.getTypeId()) + "; one of "
                    + CredentialEntry.TYPES;
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + describe(mismatch.getTargetType());
        }
        return "invalid value";
    }

    private static String describe(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        return Map.class.isAssignableFrom(type) ? "an object of string values" : "a JSON object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String label(JsonNode node, int index) {
        JsonNode id = node.get("id");
        return id != null && id.isTextual() && !id.asText().isBlank() && !id.asText().contains("${") ? id.asText() : "#" + index;
    }

    private static List<String> duplicates(JsonNode list) {
        Map<String, Integer> firstIndex = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode id = list.get(i).get("id");
            if (id != null && id.isTextual() && !id.asText().isBlank()) {
                Integer first = firstIndex.putIfAbsent(id.asText(), i);
                if (first != null) {
                    problems.add("destinations[#" + i + "].id: duplicate destination id '" + id.asText()
                            + "' (first at destinations[#" + first + "])");
                }
            }
        }
        return problems;
    }
}
