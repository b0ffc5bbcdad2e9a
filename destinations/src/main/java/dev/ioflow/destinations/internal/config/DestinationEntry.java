package dev.ioflow.destinations.internal.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** One destination of a destination file, as written (references already resolved). */
public record DestinationEntry(
        @NotBlank String id,
        @NotBlank String url,
        @Valid CredentialEntry credential,
        Map<@NotBlank String, @NotNull String> headers,
        @Valid TimeoutsEntry timeouts,
        Boolean active,
        Boolean allowInsecureHttp,
        Boolean cloudEvents,
        Map<@NotBlank String, @NotNull String> additionalProperties,
        @JsonAlias("csrfURL") String csrfUrl,
        Boolean followSameOriginRedirects) {
}
