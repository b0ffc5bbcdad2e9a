package dev.ioflow.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.core.Payload;
import dev.ioflow.core.PayloadHash;
import java.io.IOException;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a rendered {@link Payload}. Attribute paths are dotted payload names with optional list
 * indexes ({@code defaultAddress.town}, {@code addresses[0].town}) or JSON pointers ({@code /addresses/0/town}).
 * Numbers compare by value ({@code 1}, {@code 1L} and {@code 1.0} are equal); objects compare regardless of key
 * order.
 *
 * <pre>{@code
 * PayloadAssert.assertThat(renderer.render(customer))
 *         .hasIntegrationKey("c1")
 *         .hasAttribute("contactEmail", "c1@example.com")
 *         .hasNoAttribute("password")
 *         .isEqualToJson("{\"customerID\":\"c1\",\"contactEmail\":\"c1@example.com\",\"integrationKey\":\"c1\"}");
 * }</pre>
 *
 * @since 0.1
 */
public final class PayloadAssert extends AbstractAssert<PayloadAssert, Payload> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SEGMENT = Pattern.compile("([^\\[\\]]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private PayloadAssert(Payload actual) {
        super(actual, PayloadAssert.class);
    }

    /** Starts assertions on this payload. */
    public static PayloadAssert assertThat(Payload actual) {
        return new PayloadAssert(actual);
    }

    /** The payload's integration key is {@code expected}. */
    public PayloadAssert hasIntegrationKey(String expected) {
        isNotNull();
        if (!actual.integrationKey().equals(expected)) {
            failWithMessage("expected integration key <%s> but was <%s> in %s", expected, actual.integrationKey(), json());
        }
        return this;
    }

    /** The payload belongs to the integration object with this code. */
    public PayloadAssert hasIntegrationObject(String expected) {
        isNotNull();
        if (!actual.integrationObject().equals(expected)) {
            failWithMessage("expected integration object <%s> but was <%s>", expected, actual.integrationObject());
        }
        return this;
    }

    /**
     * The attribute at {@code path} has this value: a string, number or boolean for a single value, null for JSON
     * null, or a {@code Map}/{@code List} compared as JSON.
     */
    public PayloadAssert hasAttribute(String path, Object expected) {
        JsonNode node = find(path);
        if (node.isMissingNode()) {
            failWithMessage("expected attribute <%s> but the payload has none: %s", path, json());
        }
        JsonNode wanted = MAPPER.valueToTree(expected);
        boolean same = wanted.isTextual() && node.isValueNode() && !node.isNull()
                ? wanted.asText().equals(node.asText())
                : wanted.equals(BY_VALUE, node);
        if (!same) {
            failWithMessage("expected attribute <%s> to be <%s> but was <%s>", path, wanted, node);
        }
        return this;
    }

    /** The payload has no attribute at {@code path} (not even a JSON null). */
    public PayloadAssert hasNoAttribute(String path) {
        JsonNode node = find(path);
        if (!node.isMissingNode()) {
            failWithMessage("expected no attribute <%s> but found <%s>", path, node);
        }
        return this;
    }

    /** The payload is this JSON, ignoring object key order and number representation. */
    public PayloadAssert isEqualToJson(String expectedJson) {
        JsonNode expected;
        try {
            expected = MAPPER.readTree(expectedJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("expected JSON is not valid: " + e.getOriginalMessage(), e);
        }
        if (!expected.equals(BY_VALUE, tree())) {
            failWithMessage("expected payload%n  %s%nbut was%n  %s", expected, json());
        }
        return this;
    }

    /** The payload's hash is this one (32 hex characters, see {@link PayloadHash#toHex()}). */
    public PayloadAssert hasHash(String expectedHex) {
        return hasHash(PayloadHash.fromHex(expectedHex));
    }

    /** The payload's hash is this one. */
    public PayloadAssert hasHash(PayloadHash expected) {
        isNotNull();
        if (!actual.hash().equals(expected)) {
            failWithMessage("expected hash <%s> but was <%s>", expected.toHex(), actual.hash().toHex());
        }
        return this;
    }

    private JsonNode find(String path) {
        JsonNode node = tree();
        if (path.startsWith("/")) {
            return node.at(path);
        }
        for (String segment : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                throw new IllegalArgumentException("not an attribute path: '" + path + "' (at '" + segment + "')");
            }
            node = m.group(1).isEmpty() ? node : node.path(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                node = node.path(Integer.parseInt(index.group(1)));
            }
        }
        return node;
    }

    private JsonNode tree() {
        isNotNull();
        try {
            return MAPPER.readTree(actual.json());
        } catch (IOException e) {
            failWithMessage("payload is not valid JSON: %s (%s)", json(), e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    private String json() {
        return actual.jsonString();
    }
}
