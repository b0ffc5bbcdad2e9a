package dev.ioflow.odata.internal.olingo;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.olingo.odata2.api.batch.BatchException;
import org.apache.olingo.odata2.api.commons.HttpStatusCodes;
import org.apache.olingo.odata2.api.ep.EntityProvider;
import org.apache.olingo.odata2.api.ep.EntityProviderException;
import org.apache.olingo.odata2.api.exception.MessageReference;
import org.apache.olingo.odata2.api.exception.ODataApplicationException;
import org.apache.olingo.odata2.api.exception.ODataException;
import org.apache.olingo.odata2.api.exception.ODataMessageException;
import org.apache.olingo.odata2.api.processor.ODataErrorCallback;
import org.apache.olingo.odata2.api.processor.ODataErrorContext;
import org.apache.olingo.odata2.api.processor.ODataResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every error as SAP does: SAP's code and status for ioflow's own {@link SapError}s, SAP's codes for
 * Olingo's protocol errors ({@code not_found}, {@code invalid_key}, {@code method_not_allowed}, {@code odata_error}…),
 * and {@code internal_error} with a generic message for anything unexpected. Never a stack trace, never a class name.
 */
public final class SapErrorCallback implements ODataErrorCallback {
    private static final Logger LOG = LoggerFactory.getLogger(SapErrorCallback.class);
    /** A fully qualified Java class name, e.g. {@code java.lang.NumberFormatException}. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*");

    @Override
    public ODataResponse handleError(ODataErrorContext context) throws ODataApplicationException {
        Exception e = unwrap(context.getException());
        context.setLocale(Locale.ENGLISH);
        if (e instanceof SapError sap) {
            context.setErrorCode(sap.getCode());
            context.setHttpStatus(sap.getHttpStatus());
            context.setMessage(clean(sap.getMessage()));
            context.setInnerError(sap.innerError());
        } else if (e instanceof ODataMessageException || e instanceof ODataApplicationException) {
            HttpStatusCodes status = context.getHttpStatus();
            if (e instanceof EntityProviderException || e instanceof BatchException) {
                status = HttpStatusCodes.BAD_REQUEST;
            }
            if (status == null) {
                status = HttpStatusCodes.BAD_REQUEST;
            }
            context.setHttpStatus(status);
            context.setErrorCode(codeFor(e, status));
            context.setMessage(clean(context.getMessage()));
        } else {
            LOG.warn("unexpected failure while answering an OData request", e);
            context.setHttpStatus(HttpStatusCodes.INTERNAL_SERVER_ERROR);
            context.setErrorCode("internal_error");
            context.setMessage("An internal error occurred while processing the request.");
        }
        context.setException(null);
        return EntityProvider.writeErrorDocument(context);
    }

    private static Exception unwrap(Exception e) {
        Exception current = e;
        for (int i = 0; i < 5 && current instanceof ODataException o; i++) {
            if (o.getCause() instanceof SapError sap) {
                return sap;
            }
            if (o.isCausedByApplicationException()) {
                current = o.getApplicationExceptionCause();
            } else if (o.isCausedByHttpException() && o.getHttpExceptionCause() != o) {
                current = o.getHttpExceptionCause();
            } else {
                break;
            }
        }
        return current;
    }

    /** SAP's code for an Olingo protocol error. */
    static String codeFor(Exception e, HttpStatusCodes status) {
        String key = "";
        if (e instanceof ODataMessageException m) {
            MessageReference ref = m.getMessageReference();
            key = ref == null ? "" : ref.getKey();
        }
        if (key.contains("KEY") || key.contains("Key")) {
            return status == HttpStatusCodes.NOT_FOUND ? "not_found" : "invalid_key";
        }
        if (status == HttpStatusCodes.BAD_REQUEST && (key.contains("UriSyntaxException") || key.contains("ExpressionParserException")
                || key.contains("ExceptionVisitExpression"))) {
            return "invalid_query_parameter";
        }
        return switch (status) {
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case NOT_ACCEPTABLE -> "not_acceptable";
            case NOT_IMPLEMENTED -> "not_implemented";
            case INTERNAL_SERVER_ERROR -> "internal_error";
            default -> "odata_error";
        };
    }

    /** Removes Java class names from a message (Olingo sometimes quotes the exception it wraps). */
    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "The request could not be processed.";
        }
        return CLASS_NAME.matcher(message).replaceAll("value").replaceAll("(?i)\\bat value\\(.*", "");
    }
}
