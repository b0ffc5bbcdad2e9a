package dev.ioflow.destinations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpsRuleTest {

    @Test
    void plainHttpToANonLoopbackHostIsRejected() {
        assertThatThrownBy(() -> ConsumedDestination.builder("crm", "http://crm.example.com/api").build())
                .isInstanceOfSatisfying(DestinationConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "destination 'crm' url: 'http://crm.example.com/…' uses plain HTTP to a non-loopback host;"
                                + " use https or set allowInsecureHttp"));
    }

    @Test
    void plainHttpToLoopbackHostsIsAllowed() {
        assertThat(ConsumedDestination.builder("a", "http://localhost:8080/").build().url()).isEqualTo("http://localhost:8080/");
        assertThat(ConsumedDestination.builder("b", "http://127.0.0.1/").build().url()).isEqualTo("http://127.0.0.1/");
        assertThat(ConsumedDestination.builder("c", "http://127.1.2.3/").build().url()).isEqualTo("http://127.1.2.3/");
        assertThat(ConsumedDestination.builder("d", "http://[::1]:9000/").build().url()).isEqualTo("http://[::1]:9000/");
    }

    @Test
    void plainHttpToAHostNamedLikeLoopbackButElsewhereIsRejected() {
        assertThatThrownBy(() -> ConsumedDestination.builder("crm", "http://127.0.0.1.example.com/").build())
                .isInstanceOf(DestinationConfigException.class);
    }

    @Test
    void plainHttpIsAllowedWithTheExplicitOptIn() {
        ConsumedDestination d = ConsumedDestination.builder("crm", "http://crm.internal/api").allowInsecureHttp(true).build();

        assertThat(d.allowInsecureHttp()).isTrue();
    }

    @Test
    void plainHttpOAuthTokenUrlToANonLoopbackHostIsRejected() {
        Credential oauth = Credential.oauth2ClientCredentials("http://auth.example.com/token", "id", "secret").build();

        assertThatThrownBy(() -> ConsumedDestination.builder("crm", "https://crm.example.com/").credential(oauth).build())
                .isInstanceOf(DestinationConfigException.class)
                .hasMessageContaining("credential.tokenUrl");
    }

    @Test
    void nonHttpUrlIsRejected() {
        assertThatThrownBy(() -> ConsumedDestination.builder("crm", "ftp://crm.example.com/").build())
                .isInstanceOf(DestinationConfigException.class)
                .hasMessageContaining("destination 'crm' url: is not an absolute http or https URL");
    }

    @Test
    void urlWithUserInfoIsRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> ConsumedDestination.builder("crm", "https://user:pa55@crm.example.com/").build())
                .isInstanceOf(DestinationConfigException.class)
                .hasMessageContaining("without user info")
                .hasMessageNotContaining("pa55");
    }

    @Test
    void everyProblemOfADestinationIsReportedAtOnce() {
        assertThatThrownBy(() -> ConsumedDestination.builder(" ", "nope")
                .header("Bad Header", "x")
                .readTimeout(java.time.Duration.ZERO)
                .build())
                .isInstanceOfSatisfying(DestinationConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "destination id: must not be blank",
                        "destination url: is not an absolute http or https URL without user info",
                        "destination headers: 'Bad Header' is not a valid HTTP header name",
                        "destination timeouts.read: must be positive, was 'PT0S'"));
    }
}
