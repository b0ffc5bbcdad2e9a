package dev.ioflow.destinations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.core.IoflowException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ways into a {@link DestinationClient}, and the shape of the values it takes. */
class DestinationClientBuilderTest {
    private final ConsumedDestination crm = ConsumedDestination.builder("crm", "https://crm.example.com/").build();
    private final ConsumedDestination erp = ConsumedDestination.builder("erp", "https://erp.example.com/").build();

    @Test
    void destinationsAddedOneByOneFormTheClientsRegistry() {
        DestinationClient client = DestinationClient.builder().destination(crm).destination(erp).build();

        assertThat(client.registry().ids()).containsExactly("crm", "erp");
        assertThat(client.registry().require("erp")).isSameAs(erp);
    }

    @Test
    void aRegistryIsUsedAsGiven() {
        DestinationRegistry registry = DestinationRegistry.builder().add(crm).build();

        assertThat(DestinationClient.builder().registry(registry).build().registry()).isSameAs(registry);
    }

    @Test
    void aClientWithoutDestinationsOrWithBothWaysIsRefused() {
        assertThatThrownBy(() -> DestinationClient.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no destinations");
        DestinationRegistry registry = DestinationRegistry.builder().add(crm).build();
        assertThatThrownBy(() -> DestinationClient.builder().registry(registry).destination(erp).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("either registry(...) or destination(...)");
    }

    @Test
    void duplicateIdsAddedOneByOneAreAConfigurationError() {
        ConsumedDestination otherCrm = ConsumedDestination.builder("crm", "https://other.example.com/").build();

        assertThatThrownBy(() -> DestinationClient.builder().destination(crm).destination(otherCrm).build())
                .isInstanceOf(DestinationConfigException.class)
                .hasMessageContaining("duplicate destination id 'crm'");
    }

    @Test
    void everyDestinationExceptionIsAnIoflowException() {
        DestinationClient client = DestinationClient.builder().destination(crm).build();

        assertThatThrownBy(() -> client.send("pim", DestinationRequest.builder().build()))
                .isInstanceOf(UnknownDestinationException.class)
                .isInstanceOf(IoflowException.class);
        assertThat(IoflowException.class).isAssignableFrom(DestinationException.class);
    }

    @Test
    void requestBodiesAreCopiedInAndOut() {
        byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        DestinationRequest request = DestinationRequest.builder().json(body).build();

        body[0] = 'X';
        byte[] read = request.body();
        assertThat(read).isEqualTo("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
        read[0] = 'Y';
        assertThat(request.body()).isEqualTo("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(DestinationRequest.builder().build().body()).isNull();
        assertThat(DestinationRequest.builder().build().mediaType()).isNull();
    }

    @Test
    void oauthCredentialsWithoutScopeReportNullAndNewBuilderKeepsEveryPart() {
        OAuth2ClientCredentials oauth = Credential.oauth2ClientCredentials("https://auth.example.com/token", "id", "s3cret")
                .build();
        assertThat(oauth.scope()).isNull();

        OAuth2ClientCredentials scoped = oauth.newBuilder().scope("contacts")
                .clientAuthentication(OAuth2ClientCredentials.ClientAuthentication.FORM).build();
        assertThat(scoped.scope()).isEqualTo("contacts");
        assertThat(scoped.newBuilder().build()).isEqualTo(scoped).hasSameHashCodeAs(scoped);
        assertThat(scoped).isNotEqualTo(oauth);
        assertThat(scoped.toString()).contains("clientId=id").doesNotContain("s3cret");
    }

    @Test
    void responsesCopyTheirBodyAndLookHeadersUpIgnoringCase() {
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        DestinationResponse response = DestinationResponse.builder(503)
                .headers(java.util.Map.of("Retry-After", java.util.List.of("30")))
                .body(body)
                .messageId("m-1")
                .build();

        body[0] = 'X';
        assertThat(response.bodyString()).isEqualTo("ok");
        response.body()[0] = 'Y';
        assertThat(response.bodyString()).isEqualTo("ok");
        assertThat(response.header("retry-after")).isEqualTo("30");
        assertThat(response.header("Location")).isNull();
        assertThat(response.isSuccessful()).isFalse();
        assertThat(response.newBuilder().build()).isEqualTo(response);
        assertThatThrownBy(() -> DestinationResponse.builder(42)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HTTP status must be 100 to 999: 42");
    }
}
