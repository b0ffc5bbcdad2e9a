package dev.ioflow.odata.internal.olingo;

import java.util.Locale;
import org.apache.olingo.odata2.api.commons.HttpStatusCodes;
import org.apache.olingo.odata2.api.exception.ODataApplicationException;
import org.jspecify.annotations.Nullable;

/**
 * An error answered in SAP's format: {@code {"error":{"code":…,"message":{"lang":"en","value":…},"innererror":…}}}.
 * Thrown anywhere below Olingo's dispatcher; the {@link SapErrorCallback} writes it.
 */
public final class SapError extends ODataApplicationException {
    private static final long serialVersionUID = 1L;
    private final @Nullable String innerError;

    public SapError(int status, String code, String message, @Nullable String innerError) {
        super(message, Locale.ENGLISH, HttpStatusCodes.fromStatusCode(status), code);
        this.innerError = innerError;
    }

    public SapError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public @Nullable String innerError() {
        return innerError;
    }

    public int status() {
        return getHttpStatus().getStatusCode();
    }

    public static SapError badRequest(String code, String message) {
        return new SapError(400, code, message);
    }
}
