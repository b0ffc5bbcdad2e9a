package dev.ioflow.odata.internal.olingo;

import dev.ioflow.odata.InboundHttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.olingo.odata2.api.commons.HttpStatusCodes;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.processor.ODataErrorContext;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.jspecify.annotations.Nullable;

/** Turns Olingo responses into {@link InboundHttpResponse}s, and writes SAP error documents outside Olingo's dispatch. */
public final class Responses {
    private Responses() {
    }

    public static InboundHttpResponse from(ODataResponse response) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, response.getHeader(name));
        }
        if (response.getContentHeader() != null && !headers.containsKey("Content-Type")) {
            headers.put("Content-Type", response.getContentHeader());
        }
        return InboundHttpResponse.of(response.getStatus().getStatusCode(), headers, bytes(response.getEntity()));
    }

    public static byte[] bytes(@Nullable Object entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity instanceof InputStream in) {
            try (in) {
                return in.readAllBytes();
            }
        }
        if (entity instanceof byte[] b) {
            return b;
        }
        return entity.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An SAP error document for failures met before Olingo runs (authentication, rights, limits, unknown service):
     * JSON when the caller accepts JSON, else XML, as Olingo decides for its own errors.
     */
    public static InboundHttpResponse error(SapError error, @Nullable String accept, Map<String, String> extraHeaders) {
        ODataErrorContext context = new ODataErrorContext();
        context.setContentType(wantsJson(accept) ? "application/json" : "application/xml");
        context.setHttpStatus(HttpStatusCodes.fromStatusCode(error.status()));
        context.setErrorCode(error.getCode());
        context.setMessage(error.getMessage());
        context.setLocale(Locale.ENGLISH);
        context.setInnerError(error.innerError());
        try {
            InboundHttpResponse written = from(EntityProvider.writeErrorDocument(context));
            Map<String, String> headers = new LinkedHashMap<>(written.headers());
            headers.putAll(extraHeaders);
            headers.putIfAbsent("Content-Type", context.getContentType());
            return InboundHttpResponse.of(error.status(), headers, written.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an error document", e);
        }
    }

    static boolean wantsJson(@Nullable String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("json");
    }
}
