package dev.ioflow.testing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.testing.StandInRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Routes the stand-in's HTTP calls: the token endpoint, then for {@code /api/v2/…} and {@code /api/v3/…}
 * authentication, scripted faults and the contact and field calls. Calls are handled one at a time while holding
 * this dispatcher's monitor; whoever reads or changes the state behind it synchronizes on the dispatcher too.
 * Not API.
 */
public final class EmarsysDispatcher extends Dispatcher {
    private static final Pattern API_PATH = Pattern.compile("/api/v[23]/(.*)");
    private static final String TOKEN_PATH = "/oauth2/token";

    private final ObjectMapper mapper;
    private final Envelope envelope;
    private final WsseCheck wsse;
    private final TokenIssuer tokens;
    private final FaultPlan faults;
    private final ContactEndpoints contacts;
    private final FieldCatalog fields;
    private final List<StandInRequest> log = new ArrayList<>();

    /** A dispatcher; {@code wsse} and {@code tokens} may each be null (that scheme is then refused). */
    public EmarsysDispatcher(ObjectMapper mapper, Envelope envelope, WsseCheck wsse, TokenIssuer tokens,
                             FaultPlan faults, ContactEndpoints contacts, FieldCatalog fields) {
        this.mapper = mapper;
        this.envelope = envelope;
        this.wsse = wsse;
        this.tokens = tokens;
        this.faults = faults;
        this.contacts = contacts;
        this.fields = fields;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (TOKEN_PATH.equals(path) && tokens != null && "POST".equals(request.getMethod())) {
            return tokens.token(request);
        }
        Matcher api = API_PATH.matcher(path);
        MockResponse response = api.matches() ? api(request, api.group(1))
                : envelope.reply(404, 404, "Not found: " + path, null);
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        log.add(new StandInRequest(request.getMethod(), request.getTarget(), authScheme(request), body,
                response.getCode()));
        return response;
    }

    /** The calls so far, oldest first. */
    public synchronized List<StandInRequest> requests() {
        return List.copyOf(log);
    }

    private MockResponse api(RecordedRequest request, String endpoint) {
        String rejection = rejection(request);
        if (rejection != null) {
            return envelope.reply(401, Envelope.UNAUTHORIZED, "Unauthorized", rejection);
        }
        String trimmed = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        MockResponse fault = faults.next(trimmed);
        if (fault != null) {
            return fault;
        }
        try {
            return route(request, trimmed);
        } catch (JsonProcessingException e) {
            return envelope.reply(400, Envelope.INVALID_VALUE, "Invalid JSON body: " + e.getOriginalMessage(), null);
        }
    }

    private MockResponse route(RecordedRequest request, String endpoint) throws JsonProcessingException {
        String method = request.getMethod();
        if ("GET".equals(method) && (endpoint.equals("field") || endpoint.startsWith("field/translate/"))) {
            return envelope.ok(fields.describe());
        }
        if ("PUT".equals(method) && endpoint.equals("contact")) {
            boolean create = "1".equals(request.getUrl().queryParameter("create_if_not_exists"));
            return contacts.write(body(request), true, create);
        }
        if ("POST".equals(method)) {
            switch (endpoint) {
                case "contact":
                    return contacts.write(body(request), false, true);
                case "contact/delete":
                    return contacts.delete(body(request));
                case "contact/getdata":
                    return contacts.getData(body(request));
                default:
                    break;
            }
        }
        return envelope.reply(404, 404, "Not found: " + method + " " + endpoint, null);
    }

    private JsonNode body(RecordedRequest request) throws JsonProcessingException {
        String text = request.getBody() == null ? "" : request.getBody().utf8();
        return mapper.readTree(text.isEmpty() ? "{}" : text);
    }

    private String rejection(RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        String wsseHeader = request.getHeaders().get("X-WSSE");
        if (authorization != null && authorization.startsWith("Bearer ") && tokens != null) {
            return tokens.rejection(authorization);
        }
        if (wsseHeader != null && wsse != null) {
            return wsse.rejection(wsseHeader);
        }
        if (wsse == null && tokens == null) {
            return null;
        }
        return wsse != null ? "X-WSSE header missing" : "Authorization: Bearer missing";
    }

    private static String authScheme(RecordedRequest request) {
        String authorization = request.getHeaders().get("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return "Bearer";
        }
        return request.getHeaders().get("X-WSSE") != null ? "WSSE" : "none";
    }
}
