package dev.ioflow.destinations.internal.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The {@code credential} object of a destination, selected by its {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CredentialEntry.None.class, name = "none"),
        @JsonSubTypes.Type(value = CredentialEntry.Basic.class, name = "basic"),
        @JsonSubTypes.Type(value = CredentialEntry.Bearer.class, name = "bearer"),
        @JsonSubTypes.Type(value = CredentialEntry.ApiKey.class, name = "apiKey"),
        @JsonSubTypes.Type(value = CredentialEntry.OAuth2.class, name = "oauth2"),
        @JsonSubTypes.Type(value = CredentialEntry.ClientCertificate.class, name = "clientCertificate")
})
public sealed interface CredentialEntry {

    /** The credential type names a file may use. */
    String TYPES = "none, basic, bearer, apiKey, oauth2, clientCertificate";

    /** {@code {"type":"none"}}. */
    record None() implements CredentialEntry {
    }

    /** {@code {"type":"basic","username":…,"password":…}}. */
    record Basic(@NotBlank String username, @NotBlank String password) implements CredentialEntry {
    }

    /** {@code {"type":"bearer","token":…}}. */
    record Bearer(@NotBlank String token) implements CredentialEntry {
    }

    /** {@code {"type":"apiKey","headerName":…,"key":…}}. */
    record ApiKey(@NotBlank String headerName, @NotBlank String key) implements CredentialEntry {
    }

    /** {@code {"type":"oauth2","tokenUrl":…,"clientId":…,"clientSecret":…}} with optional scope, refreshSkew, clientAuthentication. */
    record OAuth2(@NotBlank String tokenUrl, @NotBlank String clientId, @NotBlank String clientSecret, String scope,
                  @Pattern(regexp = TimeoutsEntry.ISO_DURATION, message = TimeoutsEntry.ISO_MESSAGE) String refreshSkew,
                  @Pattern(regexp = "BASIC|FORM", message = "must be BASIC or FORM") String clientAuthentication)
            implements CredentialEntry {
    }

    /**
     * {@code {"type":"clientCertificate","keyStore":…,"keyStorePassword":…}} (PKCS#12) or
     * {@code {"type":"clientCertificate","certificate":…,"privateKey":…}} (PEM files); all paths.
     */
    record ClientCertificate(String keyStore, String keyStorePassword, String certificate, String privateKey)
            implements CredentialEntry {
    }
}
