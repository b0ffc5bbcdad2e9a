package dev.ioflow.core;

/**
 * How values are written into a payload.
 *
 * @since 0.1
 */
public enum PayloadStyle {
    /** The default: ISO-8601 dates, JSON numbers, enums as their names, localized text as an object by language tag. */
    PLAIN,
    /**
     * SAP Commerce's outbound format: dates as {@code "/Date(millis)/"}, enums as {@code {"code": …}},
     * long and BigDecimal values as strings, localized text as the default language's value plus a
     * {@code localizedAttributes} list.
     */
    SAP
}
