package dev.ioflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ioflow.destinations.OAuth2ClientCredentials;
import dev.ioflow.emarsys.EmarsysConfig;
import dev.ioflow.emarsys.WsseCredential;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmarsysSettingsTest {
    private static final String V3 = "https://api.emarsys.net/api/v3/";

    @Test
    void withoutVariablesTheEmbeddedStandInIsUsedWithTheDefaultCustomerIdField() {
        EmarsysSettings settings = EmarsysSettings.fromEnvironment(Map.of("PATH", "/usr/bin"));

        assertThat(settings.mode()).isEqualTo(EmarsysSettings.Mode.EMBEDDED);
        assertThat(settings.customerIdField()).isEqualTo(12345);
    }

    @Test
    void theCustomerIdFieldAloneKeepsTheEmbeddedStandIn() {
        EmarsysSettings settings = EmarsysSettings.fromEnvironment(Map.of("EMARSYS_CUSTOMER_ID_FIELD", "777"));

        assertThat(settings.mode()).isEqualTo(EmarsysSettings.Mode.EMBEDDED);
        assertThat(settings.customerIdField()).isEqualTo(777);
    }

    @Test
    void clientIdAndSecretChooseOAuthWithEmarsysTokenEndpoint() {
        EmarsysSettings settings = EmarsysSettings.fromEnvironment(Map.of("EMARSYS_API_URL", V3,
                "EMARSYS_CLIENT_ID", "client", "EMARSYS_CLIENT_SECRET", "s3cret"));

        assertThat(settings.mode()).isEqualTo(EmarsysSettings.Mode.OAUTH);
        assertThat(settings.destination().credential()).isInstanceOf(OAuth2ClientCredentials.class);
        assertThat(settings.destination().url()).isEqualTo(V3);
        assertThat(settings.describe()).contains(EmarsysConfig.DEFAULT_TOKEN_URL).doesNotContain("s3cret");
    }

    @Test
    void theTokenUrlVariableOverridesTheTokenEndpoint() {
        EmarsysSettings settings = EmarsysSettings.fromEnvironment(Map.of("EMARSYS_API_URL", V3,
                "EMARSYS_CLIENT_ID", "client", "EMARSYS_CLIENT_SECRET", "s3cret",
                "EMARSYS_TOKEN_URL", "https://auth.example.com/token"));

        assertThat(settings.describe()).contains("https://auth.example.com/token");
    }

    @Test
    void usernameAndSecretChooseWsse() {
        EmarsysSettings settings = EmarsysSettings.fromEnvironment(Map.of("EMARSYS_API_URL", "https://api.emarsys.net/api/v2/",
                "EMARSYS_USERNAME", "customer001", "EMARSYS_SECRET", "s3cret", "EMARSYS_CUSTOMER_ID_FIELD", "4711"));

        assertThat(settings.mode()).isEqualTo(EmarsysSettings.Mode.WSSE);
        assertThat(settings.customerIdField()).isEqualTo(4711);
        assertThat(settings.destination().credential()).isInstanceOf(WsseCredential.class);
        assertThat(settings.toString()).contains("customer001").doesNotContain("s3cret");
    }

    @Test
    void aClientIdWithoutSecretNamesTheMissingVariable() {
        assertThatThrownBy(() -> EmarsysSettings.fromEnvironment(Map.of("EMARSYS_API_URL", V3, "EMARSYS_CLIENT_ID", "client")))
                .isInstanceOf(EmarsysSettingsException.class)
                .hasMessage("EMARSYS_CLIENT_SECRET is not set; OAuth 2.0 needs both EMARSYS_CLIENT_ID and EMARSYS_CLIENT_SECRET");
    }

    @Test
    void aSecretWithoutUsernameNamesTheMissingVariableWithoutShowingTheSecret() {
        assertThatThrownBy(() -> EmarsysSettings.fromEnvironment(Map.of("EMARSYS_API_URL", V3, "EMARSYS_SECRET", "s3cret")))
                .isInstanceOf(EmarsysSettingsException.class)
                .hasMessage("EMARSYS_USERNAME is not set; WSSE needs both EMARSYS_USERNAME and EMARSYS_SECRET");
    }

    @Test
    void anEmptyValueIsReportedAsEmpty() {
        assertThatThrownBy(() -> EmarsysSettings.fromEnvironment(Map.of("EMARSYS_API_URL", V3,
                "EMARSYS_USERNAME", "customer001", "EMARSYS_SECRET", " ")))
                .hasMessage("EMARSYS_SECRET is set but empty; WSSE needs both EMARSYS_USERNAME and EMARSYS_SECRET");
    }

    @Test
    void credentialsWithoutApiUrlAskForTheApiUrl() {
        assertThatThrownBy(() -> EmarsysSettings.fromEnvironment(Map.of("EMARSYS_CLIENT_ID", "client",
                "EMARSYS_CLIENT_SECRET", "s3cret")))
                .hasMessage("EMARSYS_API_URL is not set; it is the API base, e.g. https://api.emarsys.net/api/v3/");
    }

    @Test
    void anApiUrlWithoutCredentialsListsBothSchemes() {
        assertThatThrownBy(() -> EmarsysSettings.fromEnvironment(Map.of("EMARSYS_API_URL", V3)))
                .hasMessage("EMARSYS_API_URL is set but no credential: set EMARSYS_CLIENT_ID + EMARSYS_CLIENT_SECRET "
                        + "(OAuth 2.0, recommended) or EMARSYS_USERNAME + EMARSYS_SECRET (WSSE)");
    }

    @Test
    void bothSchemesAtOnceAreRefused() {
        assertThatThrownBy(() -> EmarsysSettings.fromEnvironment(Map.of("EMARSYS_API_URL", V3,
                "EMARSYS_CLIENT_ID", "client", "EMARSYS_CLIENT_SECRET", "s3cret",
                "EMARSYS_USERNAME", "customer001", "EMARSYS_SECRET", "s3cret")))
                .hasMessageStartingWith("choose one authentication");
    }

    @Test
    void aTokenUrlWithWsseIsRefused() {
        assertThatThrownBy(() -> EmarsysSettings.fromEnvironment(Map.of("EMARSYS_API_URL", V3,
                "EMARSYS_USERNAME", "customer001", "EMARSYS_SECRET", "s3cret", "EMARSYS_TOKEN_URL", "https://a/t")))
                .hasMessageStartingWith("EMARSYS_TOKEN_URL applies to OAuth 2.0 only");
    }

    @Test
    void aMalformedApiUrlIsRefusedWithTheValue() {
        assertThatThrownBy(() -> EmarsysSettings.fromEnvironment(Map.of("EMARSYS_API_URL", "api.emarsys.net/api/v3",
                "EMARSYS_CLIENT_ID", "client", "EMARSYS_CLIENT_SECRET", "s3cret")))
                .hasMessage("EMARSYS_API_URL must be an absolute http(s) URL, got 'api.emarsys.net/api/v3'");
    }

    @Test
    void aCustomerIdFieldThatIsNotAPositiveNumberIsRefused() {
        assertThatThrownBy(() -> EmarsysSettings.fromEnvironment(Map.of("EMARSYS_CUSTOMER_ID_FIELD", "customer id")))
                .hasMessage("EMARSYS_CUSTOMER_ID_FIELD must be a positive field id, got 'customer id'");
    }
}
