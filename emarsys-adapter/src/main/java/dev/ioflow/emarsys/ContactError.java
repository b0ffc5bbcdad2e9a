package dev.ioflow.emarsys;

/**
 * Emarsys' complaint about one contact of a batch, from {@code data.errors} of an HTTP 200 answer, e.g.
 * {@code "bad@": {"2005": "Invalid email address"}}.
 *
 * @param keyValue the contact's key value as Emarsys reported it
 * @param code     the error code (2005 key invalid, 2007 invalid value, 2008 not found, 2009 exists, 2010 not
 *                 unique…), or 0 when it was not numeric
 * @param message  Emarsys' text
 * @since 0.1
 */
public record ContactError(String keyValue, int code, String message) {

    /**
     * Whether sending the same contact again may succeed: 2009 (a rare creation race) and 2011 (database error)
     * may; invalid keys and values (2004–2007), ambiguous keys (2010) and anything else will not.
     */
    public boolean retryable() {
        return code == 2009 || code == 2011;
    }

    /** {@code 2005 "Invalid email address"}. */
    public String describe() {
        return code + " \"" + message + "\"";
    }
}
