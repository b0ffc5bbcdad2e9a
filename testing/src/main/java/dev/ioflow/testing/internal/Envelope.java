package dev.ioflow.testing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * The Emarsys reply envelope {@code {"replyCode":0,"replyText":"OK","data":…}} as a MockWebServer response.
 * Not API: used by the stand-in only.
 */
public final class Envelope {
    /** Reply code of a successful call. */
    public static final int OK = 0;
    /** Reply code of a rejected authentication (HTTP 401). */
    public static final int UNAUTHORIZED = 1;
    /** Reply code of a batch larger than 1000 contacts. */
    public static final int BATCH_TOO_LARGE = 1000;
    /** Reply code of an invalid key field. */
    public static final int INVALID_KEY_FIELD = 2004;
    /** Reply code of a missing or invalid key value. */
    public static final int INVALID_KEY_VALUE = 2005;
    /** Reply code of an invalid or empty field id. */
    public static final int INVALID_FIELD_ID = 2006;
    /** Reply code of an invalid field value (e.g. an email address). */
    public static final int INVALID_VALUE = 2007;
    /** Reply code of a key that matches no contact. */
    public static final int NO_CONTACT = 2008;
    /** Reply code of a create whose key already exists. */
    public static final int ALREADY_EXISTS = 2009;
    /** Reply code of a key that matches more than one contact. */
    public static final int AMBIGUOUS_KEY = 2010;
    /** Reply code of a server-side failure (HTTP 500). */
    public static final int SERVER_ERROR = 2011;
    /** Reply code of a rate-limited call (HTTP 429). */
    public static final int TOO_MANY_REQUESTS = 7003;

    private final ObjectMapper mapper;

    /** Writes envelopes with this mapper. */
    public Envelope(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A 200 reply with reply code 0 and this data. */
    public MockResponse ok(Object data) {
        return reply(200, OK, "OK", data);
    }

    /** A reply with the given HTTP status, reply code, text and data ({@code ""} when null, as Emarsys sends). */
    public MockResponse reply(int httpStatus, int replyCode, String replyText, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("replyCode", replyCode);
        body.put("replyText", replyText);
        body.put("data", data == null ? "" : data);
        return json(httpStatus, body);
    }

    /** Any JSON body with this status. */
    public MockResponse json(int httpStatus, Object body) {
        try {
            return new MockResponse.Builder()
                    .code(httpStatus)
                    .setHeader("Content-Type", "application/json; charset=utf-8")
                    .body(mapper.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write stand-in reply", e);
        }
    }
}
