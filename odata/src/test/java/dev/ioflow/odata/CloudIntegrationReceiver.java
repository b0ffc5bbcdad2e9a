package dev.ioflow.odata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.olingo.odata2.api.ODataCallback;
import org.apache.olingo.odata2.api.client.batch.BatchPart;
import org.apache.olingo.odata2.api.client.batch.BatchSingleResponse;
import org.apache.olingo.odata2.api.edm.Edm;
import org.apache.olingo.odata2.api.edm.EdmEntitySet;
import org.apache.olingo.odata2.api.edm.EdmException;
import org.apache.olingo.odata2.api.edm.EdmLiteralKind;
import org.apache.olingo.odata2.api.edm.EdmNavigationProperty;
import org.apache.olingo.odata2.api.edm.EdmProperty;
import org.apache.olingo.odata2.api.edm.EdmSimpleType;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderReadProperties;
import org.apache.olingo.odata2.api.ep.EntityProviderWriteProperties;
import org.apache.olingo.odata2.api.ep.callback.OnWriteEntryContent;
import org.apache.olingo.odata2.api.ep.callback.OnWriteFeedContent;
import org.apache.olingo.odata2.api.ep.callback.WriteEntryCallbackResult;
import org.apache.olingo.odata2.api.ep.callback.WriteFeedCallbackResult;
import org.apache.olingo.odata2.api.ep.entry.ODataEntry;
import org.apache.olingo.odata2.api.ep.feed.ODataFeed;
import org.apache.olingo.odata2.api.processor.ODataErrorContext;
import org.apache.olingo.odata2.api.uri.ExpandSelectTreeNode;

/**
 * A stand-in for SAP Cloud Integration's OData V2 receiver adapter, built on nothing ioflow wrote: Apache Olingo V2's
 * client-side API ({@link EntityProvider}) for the EDM, every payload and {@code $batch}, and the JDK's HTTP client.
 * Like the adapter it reads the service's {@code $metadata} first and derives everything from it; it fetches a CSRF
 * token ({@code GET} of the service root with {@code X-CSRF-Token: Fetch}) before modifying requests and sends it
 * back when one is issued; it keeps the session's cookies; it writes only the properties its payload has; and in a
 * query it follows the server's {@code __next} links until the last page. Any status other than the expected one is
 * an error carrying the request and the response body, as the adapter raises it in the iFlow.
 */
final class CloudIntegrationReceiver {
    static final String JSON = "application/json";
    static final String ATOM = "application/atom+xml";

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final URI serviceRoot;
    private final String authorization;
    private final String format;
    private final Edm edm;
    private boolean csrfFetched;
    private String csrfToken;

    /** Connects to the service at {@code serviceRoot} (ending in '/'), exchanging payloads in {@code format}. */
    CloudIntegrationReceiver(URI serviceRoot, String user, String password, String format) {
        this.serviceRoot = serviceRoot;
        this.authorization = HttpClientSupport.basic(user, password);
        this.format = format;
        HttpResponse<String> metadata = send("GET", "$metadata", null, 200, "Accept", "application/xml");
        try {
            this.edm = EntityProvider.readMetadata(stream(metadata.body()), true);
        } catch (Exception e) {
            throw new IllegalStateException("$metadata is not an EDMX that Olingo reads: " + e.getMessage(), e);
        }
    }

    Edm edm() {
        return edm;
    }

    EdmEntitySet entitySet(String name) {
        try {
            return edm.getDefaultEntityContainer().getEntitySet(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The CSRF handshake, a GET of the service root (the service document, so without the entry format's
     * {@code Accept}); the token the server issued, or {@code null} when it issued none.
     */
    String fetchCsrfToken() {
        HttpResponse<String> response = send("GET", "", null, 200, "X-CSRF-Token", "Fetch");
        csrfFetched = true;
        csrfToken = response.headers().firstValue("X-CSRF-Token").orElse(null);
        return csrfToken;
    }

    /** POST of one entry, deep when {@code values} has nested entries (see {@link #entry}). */
    ODataEntry create(String set, Map<String, Object> values) {
        return readEntry(set, write("POST", set, set, values, 201).body());
    }

    /** A partial update, {@code PATCH} or {@code MERGE} as the adapter's operation says; SAP answers 200 with the entry. */
    ODataEntry update(String method, String set, Object key, Map<String, Object> values) {
        return readEntry(set, write(method, set + keyPredicate(set, key), set, values, 200).body());
    }

    /** A POST the server refuses with {@code status}: its error document as Olingo reads it, for the iFlow's error. */
    ODataErrorContext refusedCreate(String set, Map<String, Object> values, int status) {
        HttpResponse<String> response = write("POST", set, set, values, status);
        return readError(response.body(), response.headers().firstValue("Content-Type").orElseThrow());
    }

    ODataErrorContext readError(String body, String contentType) {
        try {
            return EntityProvider.readErrorDocument(stream(body), contentType);
        } catch (Exception e) {
            throw new IllegalStateException("Olingo cannot read the " + contentType + " error: " + e.getMessage() + "\n" + body, e);
        }
    }

    /** An entry sent as {@link #entryContentType()} says. */
    private HttpResponse<String> write(String method, String target, String set, Map<String, Object> values, int expected) {
        String body = entry(set, values);
        return send(method, target, body, expected, "Content-Type", entryContentType(), "Accept", format);
    }

    /**
     * The content type of the entries written, with the parameters Olingo's own server puts on entries (Olingo's
     * writer leaves the content type to its caller).
     */
    String entryContentType() {
        return format.equals(ATOM) ? "application/atom+xml;type=entry;charset=utf-8" : "application/json;charset=utf-8";
    }

    ODataEntry read(String set, Object key, String query) {
        return readEntry(set, send("GET", set + keyPredicate(set, key) + query, null, 200, "Accept", format).body());
    }

    /** The status of a GET by key, for the adapter's "not found" handling. */
    int status(String set, Object key) {
        return send("GET", set + keyPredicate(set, key), null, -1, "Accept", format).statusCode();
    }

    void delete(String set, Object key) {
        send("DELETE", set + keyPredicate(set, key), null, 200, "Accept", format);
    }

    /** One page of a query, as Olingo reads it (entries, inline count, next link). */
    ODataFeed page(String set, String query) {
        return readFeed(set, send("GET", set + query, null, 200, "Accept", format).body());
    }

    /** A query read to its end: the first page, then every {@code __next} link the server returns. */
    List<ODataEntry> readAll(String set, String query, List<String> pagesRead) {
        List<ODataEntry> all = new ArrayList<>();
        String next = set + query;
        while (next != null) {
            pagesRead.add(next);
            ODataFeed feed = readFeed(set, send("GET", next, null, 200, "Accept", format).body());
            all.addAll(feed.getEntries());
            next = feed.getFeedMetadata().getNextLink();
        }
        return all;
    }

    /** A {@code $batch} written and its answer parsed by Olingo. */
    List<BatchSingleResponse> batch(List<BatchPart> parts) {
        String boundary = "batch_cpi_" + Integer.toHexString(parts.hashCode());
        try {
            String body = new String(EntityProvider.writeBatchRequest(parts, boundary).readAllBytes(), StandardCharsets.UTF_8);
            HttpResponse<String> response = send("POST", "$batch", body, 202, "Content-Type", "multipart/mixed; boundary=" + boundary);
            return EntityProvider.parseBatchResponse(stream(response.body()), response.headers().firstValue("Content-Type").orElseThrow());
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /**
     * An entry in the adapter's format with only the given properties. A value under a navigation property's name is
     * a nested entry (a map, to-one) or nested entries (a list of maps, to-many), written inline as the adapter's
     * deep insert does, through Olingo's write callbacks; nested entries of one list share the first one's shape.
     */
    String entry(String set, Map<String, Object> values) {
        try {
            EdmEntitySet entitySet = entitySet(set);
            Object body = EntityProvider.writeEntry(format, entitySet, properties(entitySet, values),
                    writeProperties(entitySet, values)).getEntity();
            return body instanceof InputStream in ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : String.valueOf(body);
        } catch (Exception e) {
            throw new IllegalStateException("Olingo cannot write the " + set + " entry " + values + ": " + e.getMessage(), e);
        }
    }

    /**
     * The entry's own properties. Olingo's writer refuses an entry without its key ({@code integrationKey} is
     * {@code Nullable="false"}, in SAP's EDMX as in ioflow's), so, as iFlow mappings do, a missing key gets an empty
     * placeholder: the server computes the integration key from the key attributes and ignores the one sent.
     */
    private static Map<String, Object> properties(EdmEntitySet set, Map<String, Object> values) throws EdmException {
        Map<String, Object> properties = new LinkedHashMap<>(values);
        properties.keySet().removeAll(set.getEntityType().getNavigationPropertyNames());
        for (String key : set.getEntityType().getKeyPropertyNames()) {
            properties.putIfAbsent(key, "");
        }
        return properties;
    }

    private EntityProviderWriteProperties writeProperties(EdmEntitySet set, Map<String, Object> values) throws EdmException {
        EntityProviderWriteProperties.ODataEntityProviderPropertiesBuilder props = EntityProviderWriteProperties
                .serviceRoot(serviceRoot).isDataBasedPropertySerialization(true);
        Map<String, ODataCallback> callbacks = new HashMap<>();
        ExpandSelectTreeNode.ExpandSelectTreeNodeBuilder tree = ExpandSelectTreeNode.entitySet(set);
        for (String nav : set.getEntityType().getNavigationPropertyNames()) {
            if (values.get(nav) == null) {
                continue;
            }
            EdmEntitySet target = set.getRelatedEntitySet((EdmNavigationProperty) set.getEntityType().getProperty(nav));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = values.get(nav) instanceof List<?> list
                    ? (List<Map<String, Object>>) list : List.of((Map<String, Object>) values.get(nav));
            EntityProviderWriteProperties inner = writeProperties(target, entries.isEmpty() ? Map.of() : entries.get(0));
            List<Map<String, Object>> data = new ArrayList<>();
            for (Map<String, Object> e : entries) {
                data.add(properties(target, e));
            }
            callbacks.put(nav, values.get(nav) instanceof List<?> ? feedCallback(data, inner) : entryCallback(data.get(0), inner));
            tree.customExpandedLink(nav, inner.getExpandSelectTree());
        }
        return props.expandSelectTree(tree.build()).callbacks(callbacks).build();
    }

    private static OnWriteFeedContent feedCallback(List<Map<String, Object>> data, EntityProviderWriteProperties inner) {
        return context -> {
            WriteFeedCallbackResult result = new WriteFeedCallbackResult();
            result.setFeedData(data);
            result.setInlineProperties(inner);
            return result;
        };
    }

    private static OnWriteEntryContent entryCallback(Map<String, Object> data, EntityProviderWriteProperties inner) {
        return context -> {
            WriteEntryCallbackResult result = new WriteEntryCallbackResult();
            result.setEntryData(data);
            result.setInlineProperties(inner);
            return result;
        };
    }

    /** {@code ('…')} for a key, written by the key property's EDM type and percent-encoded ({@code |} as {@code %7C}). */
    String keyPredicate(String set, Object key) {
        try {
            EdmProperty keyProperty = entitySet(set).getEntityType().getKeyProperties().get(0);
            String literal = ((EdmSimpleType) keyProperty.getType()).valueToString(key, EdmLiteralKind.URI, keyProperty.getFacets());
            return "(" + URLEncoder.encode(literal, StandardCharsets.UTF_8).replace("+", "%20") + ")";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ODataEntry readEntry(String set, String body) {
        try {
            return EntityProvider.readEntry(format, entitySet(set), stream(body), EntityProviderReadProperties.init().build());
        } catch (Exception e) {
            throw new IllegalStateException("Olingo cannot read the " + set + " entry: " + e.getMessage() + "\n" + body, e);
        }
    }

    ODataFeed readFeed(String set, String body) {
        try {
            return EntityProvider.readFeed(format, entitySet(set), stream(body), EntityProviderReadProperties.init().build());
        } catch (Exception e) {
            throw new IllegalStateException("Olingo cannot read the " + set + " feed: " + e.getMessage() + "\n" + body, e);
        }
    }

    /**
     * One request; {@code target} is relative to the service root or absolute (a {@code __next} link). Modifying
     * requests carry the fetched CSRF token; {@code expected} < 0 accepts any status.
     */
    HttpResponse<String> send(String method, String target, String body, int expected, String... headers) {
        URI uri = serviceRoot.resolve(target);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (!method.equals("GET") && csrfFetched && csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (expected >= 0 && response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode() + ", expected "
                        + expected + ":\n" + response.body() + (body == null ? "" : "\nrequest body:\n" + body));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
