package dev.ioflow.odata;

import java.util.Locale;

/**
 * What a persistence hook knows about the request it runs in.
 *
 * @param integrationObject the integration object's code (the service)
 * @param itemCode          the item code of the posted entity
 * @param contentLanguage   the language localized values are written in ({@code Content-Language})
 * @param principal         the authenticated caller
 * @since 1.0
 */
public record PersistenceContext(String integrationObject, String itemCode, Locale contentLanguage, InboundPrincipal principal) {
}
