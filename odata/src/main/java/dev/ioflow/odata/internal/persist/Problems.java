package dev.ioflow.odata.internal.persist;

import dev.ioflow.core.PayloadException;
import dev.ioflow.core.PayloadProblem;
import dev.ioflow.core.persistence.InvalidQueryException;
import dev.ioflow.odata.internal.olingo.SapError;
import java.util.stream.Collectors;

/** core's payload and query problems as SAP's error codes. */
final class Problems {
    private Problems() {
    }

    static SapError of(PayloadException e, int statusForInvalidKey) {
        PayloadProblem first = e.problems().get(0);
        String code = switch (first.kind()) {
            case UNKNOWN_PROPERTY, NOT_WRITABLE -> "invalid_property";
            case WRONG_TYPE, INVALID_VALUE, OUT_OF_RANGE -> "invalid_attribute_value";
            case MISSING_KEY -> "missing_key";
            case MISSING_ITEM -> "missing_nav_property";
            case MISSING_VALUE -> "missing_property";
            case INVALID_KEY -> "invalid_key";
        };
        String message = e.problems().stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; "));
        int status = first.kind() == PayloadProblem.Kind.INVALID_KEY ? statusForInvalidKey : 400;
        return new SapError(status, code, message, first.path());
    }

    static SapError of(InvalidQueryException e) {
        String code = switch (e.reason()) {
            case NESTED_TOO_DEEP -> "filter_not_supported";
            case INTEGRATION_KEY_NOT_SUPPORTED -> "integration_key_not_supported";
            case ORDER_BY_INTEGRATION_KEY -> "order_by_integration_key_not_supported";
            case ORDER_BY_NESTED -> "order_by_nested_attribute_not_supported";
            case VIRTUAL_ATTRIBUTE -> "filter_by_virtual_attribute_not_supported";
            default -> "invalid_query_parameter";
        };
        return SapError.badRequest(code, e.getMessage());
    }
}
