package dev.ioflow.emarsys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ioflow.destinations.CredentialException;
import dev.ioflow.destinations.DestinationClient;
import dev.ioflow.emarsys.internal.EmarsysReply;
import dev.ioflow.emarsys.internal.ReplyParser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Emarsys Core API contact and field calls over OkHttp. Authentication is the job of the OkHttp client it is
 * given (an {@link EmarsysConfig} builds one with OAuth 2.0 or WSSE). Thread-safe; share one instance.
 *
 * <p>Every call reads the whole reply envelope ({@code replyCode}, {@code replyText}, {@code data}): failures of the
 * call as a whole become {@link EmarsysException}s ({@link EmarsysAuthException}, {@link EmarsysValidationException},
 * {@link EmarsysRateLimitException}, {@link EmarsysServerException}); per-contact errors inside an HTTP 200 are in
 * {@link ContactResult#errors()}.
 *
 * <p>Emarsys field ids are {@code int}s everywhere (3 is email); field names are resolved to ids separately, by
 * {@link ContactMapping#resolve(List)} against {@link #listFields()}.
 *
 * <pre>{@code
 * EmarsysClient client = EmarsysClient.builder()
 *         .config(EmarsysConfig.builder().oauth2(clientId, clientSecret).build())
 *         .build();
 * ContactResult result = client.upsertContacts(3, List.of(Map.of(3, "a@example.com", 1, "Ada")));
 * result.errors().forEach((key, error) -> log.warn("{} rejected: {}", key, error.describe()));
 * }</pre>
 *
 * @since 0.1
 */
public final class EmarsysClient {

    private static final Logger LOG = LoggerFactory.getLogger(EmarsysClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient httpClient;
    private final HttpUrl baseUrl;
    private final ObjectMapper mapper;

    private EmarsysClient(Builder builder) {
        this.httpClient = Objects.requireNonNull(builder.httpClient, "httpClient");
        this.baseUrl = Objects.requireNonNull(builder.baseUrl, "baseUrl");
        this.mapper = builder.mapper;
    }

    /**
     * Starts a client. Give it its base URL and authenticating OkHttp client in one of two ways: from an
     * {@link EmarsysConfig} ({@link Builder#config}) or from a consumed destination ({@link Builder#destination});
     * or set both explicitly with {@link Builder#baseUrl} and {@link Builder#httpClient}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this client's settings. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /** The API base URL, ending in {@code /}, e.g. {@code https://api.emarsys.net/api/v3/}. */
    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /**
     * Creates or updates contacts: {@code PUT contact/?create_if_not_exists=1} with
     * {@code {"key_id":"3","contacts":[{"3":"a@x","1":"A"}]}}. Only the given fields change; a null value clears one.
     *
     * @param keyFieldId the key field id (3 = email)
     * @param contacts   at most 1000 contacts, each field id to value (strings, numbers or null to clear)
     */
    public ContactResult upsertContacts(int keyFieldId, List<? extends Map<Integer, ?>> contacts) {
        return ReplyParser.contactResult(call("PUT", "contact/?create_if_not_exists=1", contactsBody(keyFieldId, contacts)));
    }

    /**
     * Creates contacts: {@code POST contact} with the same body as {@link #upsertContacts}; a contact whose key
     * exists fails with error 2009.
     */
    public ContactResult createContacts(int keyFieldId, List<? extends Map<Integer, ?>> contacts) {
        return ReplyParser.contactResult(call("POST", "contact", contactsBody(keyFieldId, contacts)));
    }

    /**
     * Deletes contacts: {@code POST contact/delete} with {@code {"key_id":"3","3":["a@x","b@x"]}}. Contacts whose
     * key is not unique are not deleted (error 2010); unknown ones report 2008.
     */
    public ContactResult deleteContacts(int keyFieldId, List<String> keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key_id", Integer.toString(keyFieldId));
        body.put(Integer.toString(keyFieldId), keyValues);
        return ReplyParser.contactResult(call("POST", "contact/delete", body));
    }

    /**
     * Reads fields of contacts: {@code POST contact/getdata} with
     * {@code {"keyId":"3","keyValues":["a@x"],"fields":["1","3"]}}.
     *
     * @param keyFieldId the key field id (3 = email)
     * @param keyValues  the key values of the contacts to read
     * @param fieldIds   the ids of the fields to read
     */
    public ContactData getContactData(int keyFieldId, List<String> keyValues, List<Integer> fieldIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("keyId", Integer.toString(keyFieldId));
        body.put("keyValues", keyValues);
        body.put("fields", fieldIds.stream().map(String::valueOf).toList());
        return ReplyParser.contactData(call("POST", "contact/getdata", body));
    }

    /** The account's contact fields: {@code GET field}. */
    public List<EmarsysField> listFields() {
        return ReplyParser.fields(call("GET", "field", null));
    }

    /**
     * The options of a choice field: {@code GET field/{id}/choice}. Read them once and build a
     * {@link ValueConverter#codes} converter from them.
     */
    public List<EmarsysChoice> listChoices(int fieldId) {
        return ReplyParser.choices(call("GET", "field/" + fieldId + "/choice", null));
    }

    private static Map<String, Object> contactsBody(int keyFieldId, List<? extends Map<Integer, ?>> contacts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key_id", Integer.toString(keyFieldId));
        body.put("contacts", contacts);
        return body;
    }

    private EmarsysReply call(String method, String path, @Nullable Object body) {
        String call = method + " " + path;
        HttpUrl url = Objects.requireNonNull(baseUrl.resolve(path), path);
        Request request = new Request.Builder().url(url)
                .method(method, body == null ? null : RequestBody.create(json(body), JSON))
                .header("Accept", "application/json")
                .build();
        try (Response response = httpClient.newCall(request).execute()) {
            byte[] bytes = response.body().bytes();
            LOG.debug("Emarsys {} answered HTTP {} ({} bytes)", call, response.code(), bytes.length);
            return EmarsysReply.read(mapper, call, response.code(), response.headers(), bytes);
        } catch (IOException e) {
            throw new EmarsysServerException("Emarsys " + call + " failed without an answer: " + e,
                    0, 0, null, e);
        } catch (CredentialException e) {
            throw new EmarsysAuthException("Emarsys " + call + " could not authenticate: " + e.getMessage(),
                    e.httpStatus(), 0, null);
        }
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new EmarsysException("cannot write the request body as JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public String toString() {
        return "EmarsysClient[" + baseUrl + "]";
    }

    /** Builds an {@link EmarsysClient}. */
    public static final class Builder {
        private @Nullable OkHttpClient httpClient;
        private @Nullable HttpUrl baseUrl;
        private ObjectMapper mapper = new ObjectMapper();

        private Builder() {
        }

        private Builder(EmarsysClient client) {
            this.httpClient = client.httpClient;
            this.baseUrl = client.baseUrl;
            this.mapper = client.mapper;
        }

        /** The API base URL, e.g. {@code https://api.emarsys.net/api/v3/}; a missing trailing {@code /} is added. */
        public Builder baseUrl(String url) {
            this.baseUrl = HttpUrl.get(url.endsWith("/") ? url : url + "/");
            return this;
        }

        /** The OkHttp client; it must authenticate requests (see {@link EmarsysConfig#httpClient}). */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Base URL and authenticating OkHttp client from a configuration. */
        public Builder config(EmarsysConfig config) {
            this.httpClient = config.httpClient();
            return baseUrl(config.apiBaseUrl());
        }

        /**
         * Base URL and authenticating OkHttp client from a consumed destination of the application's registry,
         * whose credential is OAuth 2.0 or a {@link WsseCredential}:
         * <pre>{@code
         * EmarsysClient client = EmarsysClient.builder().destination(destinationClient, "emarsys").build();
         * }</pre>
         */
        public Builder destination(DestinationClient destinations, String destinationId) {
            this.httpClient = destinations.httpClient(destinationId);
            return baseUrl(destinations.registry().require(destinationId).url());
        }

        /** The Jackson mapper for request and reply bodies (default: a plain {@link ObjectMapper}). */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.mapper = Objects.requireNonNull(objectMapper, "objectMapper");
            return this;
        }

        /**
         * Returns the client.
         *
         * @throws NullPointerException when neither {@link #config}, {@link #destination} nor
         *                              {@link #baseUrl} and {@link #httpClient} were given
         */
        public EmarsysClient build() {
            return new EmarsysClient(this);
        }
    }
}
