package dev.ioflow.core;

/**
 * How values are written into a payload. Values are written by their runtime class, so attributes of
 * {@link ValueKind#ANY} work too; both styles write strings, booleans, {@code int}s and {@code double}s as JSON
 * does, collections and arrays as arrays, maps as objects with sorted keys, and anything else by {@code toString()}
 * (a value whose class keeps {@code Object.toString()}, an identity hash that changes on every run, is an
 * {@link ItemRenderException} naming its path: render such objects through a nested item).
 *
 * <p>In both styles, and in integration keys, these values are an {@link ItemRenderException} naming their path
 * rather than being written altered or without bound: text with a lone surrogate (it has no UTF-8 form, and
 * {@code ?} in its place would give {@code order\uD800} the key of {@code order?}), a number with more than
 * 1,000 digits written without exponent ({@code new BigDecimal("1E+100000000")} would be a 100 MB payload), and
 * objects and arrays nested more than 1,000 levels deep (a map that contains itself). NaN and infinities
 * ({@code double} or {@code float}) depend on the style.
 *
 * <pre>{@code
 * PayloadRenderer sap = PayloadRenderer.builder(ioProduct, types).style(PayloadStyle.SAP).build();
 * }</pre>
 *
 * @since 0.1
 */
public enum PayloadStyle {
    /**
     * The default: ISO-8601 dates (instants such as {@code Instant}, {@code Date}, {@code Calendar},
     * {@code OffsetDateTime} in UTC: {@code "2020-05-13T12:00:00Z"}; {@code LocalDate} {@code "2020-05-13"};
     * {@code LocalDateTime} {@code "2020-05-13T12:00:00"}), JSON numbers (decimals without exponent), enums as
     * their names, localized text ({@code Map<Locale, String>}) as an object keyed by language tag:
     * {@code {"en":"…","fr":"…"}}. JSON has no NaN or infinity: they are an {@link ItemRenderException}.
     */
    PLAIN,
    /**
     * SAP Commerce's outbound format: dates as {@code "/Date(millis)/"} ({@code LocalDate} and
     * {@code LocalDateTime} taken at UTC), enums as {@code {"code": name}}, {@code long}, {@code BigInteger} and
     * {@code BigDecimal} values as strings, localized text as the value of the renderer's default locale plus,
     * after the item's last localized attribute, one {@code localizedAttributes} list sorted by language tag:
     * {@code "name":"english value","localizedAttributes":[{"language":"en","name":"english value"},…]}.
     * NaN and infinities are written as SAP's OData layer writes an {@code Edm.Double}: {@code "NaN"},
     * {@code "INF"}, {@code "-INF"}.
     */
    SAP
}
