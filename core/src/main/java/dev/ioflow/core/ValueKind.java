package dev.ioflow.core;

/**
 * What kind of value an attribute of an {@link ItemType} holds. Renderers decide the JSON form of a value
 * from its runtime class; the declared kind is what validation and schema derivation reason about
 * (a {@link #ITEM} attribute needs a nested integration-object item, a {@link #LOCALIZED} one cannot be unique).
 *
 * @since 0.1
 */
public enum ValueKind {
    /** Text: {@code String}, {@code char}, {@code UUID} and anything rendered through {@code toString()}. */
    STRING,
    /** {@code boolean} / {@code Boolean}. */
    BOOLEAN,
    /** 32-bit or smaller whole numbers. */
    INTEGER,
    /** {@code long} and {@code BigInteger}: SAP renders them as strings. */
    LONG,
    /** {@code float} / {@code double}. */
    DOUBLE,
    /** {@code BigDecimal}: SAP renders it as a string. */
    DECIMAL,
    /** An instant: {@code Date}, {@code Calendar}, {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}. */
    DATE,
    /** A calendar date without time: {@code LocalDate}. */
    LOCAL_DATE,
    /** A date and time without zone: {@code LocalDateTime}. */
    LOCAL_DATE_TIME,
    /** An enumeration value (SAP style renders {@code {"code": …}}). */
    ENUM,
    /** A reference to another item type: rendered through a nested integration-object item. */
    ITEM,
    /** Localized text: a {@code Map<Locale, String>} (or language tag keys). */
    LOCALIZED,
    /** A plain map of values, rendered as a JSON object with sorted keys. */
    MAP,
    /** Not declared (schemas derived from a definition): the renderer decides from the runtime value. */
    ANY
}
