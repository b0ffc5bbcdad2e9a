package dev.ioflow.odata.internal.olingo;

import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.olingo.odata2.api.ODataService;
import org.apache.olingo.odata2.api.ODataServiceFactory;
import org.apache.olingo.odata2.api.commons.ODataHttpMethod;
import org.apache.olingo.odata2.api.processor.ODataRequest;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.apache.olingo.odata2.api.uri.PathSegment;
import org.apache.olingo.odata2.core.ODataContextImpl;
import org.apache.olingo.odata2.core.ODataPathSegmentImpl;
import org.apache.olingo.odata2.core.ODataRequestHandler;
import org.apache.olingo.odata2.core.PathInfoImpl;
import org.jspecify.annotations.Nullable;

/**
 * Drives Olingo's request handler from a framework-neutral request, the way Olingo's own {@code ODataServlet}
 * does (build an {@link ODataRequest}, an {@link ODataContextImpl}, the service, then
 * {@link ODataRequestHandler#handle}), without any Servlet or JAX-RS type. Olingo parses the URI, the query
 * options and the body; this class only splits the path and the query string and orders the Accept headers.
 */
public final class OlingoBridge {
    private OlingoBridge() {
    }

    /**
     * Handles one request.
     *
     * @param serviceRoot  the absolute service root, ending with {@code /}
     * @param requestUri   the absolute request URI
     * @param odataPath    the raw (still percent-encoded) path below the service root, without leading {@code /}
     */
    public static ODataResponse dispatch(ODataServiceFactory factory, ODataHttpMethod method, String httpMethod,
                                         URI serviceRoot, URI requestUri, String odataPath, @Nullable String rawQuery,
                                         Map<String, List<String>> headers, InputStream body) throws Exception {
        PathInfoImpl pathInfo = new PathInfoImpl();
        pathInfo.setServiceRoot(serviceRoot);
        pathInfo.setRequestUri(requestUri);
        pathInfo.setPrecedingPathSegment(List.of());
        List<PathSegment> segments = new ArrayList<>();
        if (!odataPath.isEmpty()) {
            for (String s : odataPath.split("/", -1)) {
                segments.add(new ODataPathSegmentImpl(s, null));
            }
        }
        pathInfo.setODataPathSegment(segments);
        String contentType = first(headers, "Content-Type");
        ODataRequest request = ODataRequest.method(method)
                .httpMethod(httpMethod)
                .contentType(contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType)
                .acceptHeaders(acceptList(first(headers, "Accept")))
                .acceptableLanguages(languages(first(headers, "Accept-Language")))
                .pathInfo(pathInfo)
                .allQueryParameters(query(rawQuery))
                .requestHeaders(headers)
                .body(body)
                .build();
        ODataContextImpl context = new ODataContextImpl(request, factory);
        ODataService service = factory.createService(context);
        context.setService(service);
        service.getProcessor().setContext(context);
        return new ODataRequestHandler(factory, service, context).handle(request);
    }

    static @Nullable String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** Query parameters, percent-decoded, in order; repeated names keep every value. */
    public static Map<String, List<String>> query(@Nullable String rawQuery) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    private static String decode(String s) {
        // '+' stays a plus: OData URLs encode spaces as %20, and '+' is meaningful in $filter literals.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The media ranges of an Accept header, highest quality first, parameters other than q kept. */
    static List<String> acceptList(@Nullable String accept) {
        List<String[]> ranked = new ArrayList<>();
        if (accept != null) {
            for (String part : accept.split(",")) {
                String range = part.trim();
                if (range.isEmpty()) {
                    continue;
                }
                double q = 1;
                StringBuilder kept = new StringBuilder();
                for (String p : range.split(";")) {
                    String t = p.trim();
                    if (t.toLowerCase(Locale.ROOT).startsWith("q=")) {
                        try {
                            q = Double.parseDouble(t.substring(2));
                        } catch (NumberFormatException ignored) {
                            q = 0;
                        }
                    } else {
                        kept.append(kept.length() == 0 ? "" : ";").append(t);
                    }
                }
                ranked.add(new String[] {kept.toString(), Double.toString(q)});
            }
        }
        ranked.sort(Comparator.comparingDouble((String[] r) -> -Double.parseDouble(r[1])));
        return ranked.stream().map(r -> r[0]).toList();
    }

    /** The languages of an Accept-Language header, highest quality first; {@code *} is skipped. */
    public static List<Locale> languages(@Nullable String header) {
        List<Locale> locales = new ArrayList<>();
        for (String range : acceptList(header)) {
            if (!range.equals("*") && !range.isBlank()) {
                locales.add(Locale.forLanguageTag(range));
            }
        }
        return locales;
    }
}
