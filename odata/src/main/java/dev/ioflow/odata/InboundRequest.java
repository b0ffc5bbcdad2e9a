package dev.ioflow.odata;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The monitoring record of one inbound request (SAP's {@code InboundRequest}): one per HTTP request, one for a whole
 * {@code $batch}. Kept by an {@link InboundMonitor}.
 *
 * @since 1.0
 */
public final class InboundRequest {
    private final Instant creationTime;
    private final String integrationObject;
    private final String method;
    private final InboundRequestStatus status;
    private final int httpStatus;
    private final List<String> integrationKeys;
    private final @Nullable String errorCode;
    private final @Nullable String errorMessage;
    private final byte @Nullable [] payload;
    private final @Nullable String sapPassport;
    private final @Nullable String messageId;
    private final @Nullable String user;

    private InboundRequest(Builder b) {
        this.creationTime = Objects.requireNonNull(b.creationTime, "creationTime");
        this.integrationObject = Objects.requireNonNull(b.integrationObject, "integrationObject");
        this.method = Objects.requireNonNull(b.method, "method");
        this.httpStatus = b.httpStatus;
        this.status = b.httpStatus < 400 ? InboundRequestStatus.SUCCESS : InboundRequestStatus.ERROR;
        this.integrationKeys = List.copyOf(b.integrationKeys);
        this.errorCode = b.errorCode;
        this.errorMessage = b.errorMessage;
        this.payload = b.payload == null ? null : b.payload.clone();
        this.sapPassport = b.sapPassport;
        this.messageId = b.messageId;
        this.user = b.user;
    }

    /** Starts a builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** When the request was answered. */
    public Instant creationTime() {
        return creationTime;
    }

    /** The integration object's code (SAP's {@code type}). */
    public String integrationObject() {
        return integrationObject;
    }

    /** The HTTP method, upper case: for a POST that tunnels another method through {@code X-HTTP-Method}, that one. */
    public String method() {
        return method;
    }

    /** SUCCESS for 2xx/3xx answers, ERROR otherwise. */
    public InboundRequestStatus status() {
        return status;
    }

    /** The HTTP status answered. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The integration keys of the items the request wrote, read by key or deleted (SAP's {@code requestIntegrationKey}). */
    public List<String> integrationKeys() {
        return integrationKeys;
    }

    /** SAP's error code, e.g. {@code missing_nav_property}; null on success. */
    public @Nullable String errorCode() {
        return errorCode;
    }

    /** The error message answered; null on success. */
    public @Nullable String errorMessage() {
        return errorMessage;
    }

    /** A copy of the request body, when the monitor retains payloads for this outcome; else null. */
    public byte @Nullable [] payload() {
        return payload == null ? null : payload.clone();
    }

    /** The {@code SAP-PASSPORT} request header. */
    public @Nullable String sapPassport() {
        return sapPassport;
    }

    /** The message id request header ({@code integrationMessageId}, else {@code SAP_MessageProcessingLogID}). */
    public @Nullable String messageId() {
        return messageId;
    }

    /** The authenticated user, null when authentication failed. */
    public @Nullable String user() {
        return user;
    }

    @Override
    public String toString() {
        return "InboundRequest[" + creationTime + " " + method + " " + integrationObject + " " + httpStatus
                + (errorCode == null ? "" : " " + errorCode) + " keys=" + integrationKeys + "]";
    }

    /** Builds an {@link InboundRequest}. */
    public static final class Builder {
        private @Nullable Instant creationTime;
        private @Nullable String integrationObject;
        private @Nullable String method;
        private int httpStatus;
        private List<String> integrationKeys = List.of();
        private @Nullable String errorCode;
        private @Nullable String errorMessage;
        private byte @Nullable [] payload;
        private @Nullable String sapPassport;
        private @Nullable String messageId;
        private @Nullable String user;

        private Builder() {
        }

        /** When the request was answered. */
        public Builder creationTime(Instant time) {
            this.creationTime = time;
            return this;
        }

        /** The integration object's code. */
        public Builder integrationObject(String code) {
            this.integrationObject = code;
            return this;
        }

        /** The HTTP method. */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /** The HTTP status answered; 400 and above make the record an ERROR. */
        public Builder httpStatus(int status) {
            this.httpStatus = status;
            return this;
        }

        /** The integration keys the request touched. */
        public Builder integrationKeys(List<String> keys) {
            this.integrationKeys = List.copyOf(keys);
            return this;
        }

        /** SAP's error code and message. */
        public Builder error(@Nullable String code, @Nullable String message) {
            this.errorCode = code;
            this.errorMessage = message;
            return this;
        }

        /** The request body to keep (copied), or null. */
        public Builder payload(byte @Nullable [] payload) {
            this.payload = payload == null ? null : payload.clone();
            return this;
        }

        /** The SAP-PASSPORT header. */
        public Builder sapPassport(@Nullable String passport) {
            this.sapPassport = passport;
            return this;
        }

        /** The message id header. */
        public Builder messageId(@Nullable String id) {
            this.messageId = id;
            return this;
        }

        /** The authenticated user. */
        public Builder user(@Nullable String user) {
            this.user = user;
            return this;
        }

        /** The record. */
        public InboundRequest build() {
            return new InboundRequest(this);
        }
    }
}
