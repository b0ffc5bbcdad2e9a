package dev.ioflow.destinations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, items 9 and 10: values from references never appear in messages; absurd timeouts and huge secret
 * files are configuration errors with the field's path, not exceptions of another type at load or send time.
 */
class ConfigurationHardeningTest {
    private static final String MARK = "S3CR3T";
    private static final SecretResolver ENV = SecretResolver.withEnvironment(Map.of(
            "NOT_A_URL", "S3CR3T-not-a-url",
            "PLAIN_URL", "http://hooks.example.com/services/S3CR3T",
            "TYPE", "S3CR3T-type",
            "ZERO", "PT0S",
            "OTHER_ORIGIN", "https://other.example.com/S3CR3T"));

    @TempDir
    Path dir;

    private static List<String> problems(String destination) {
        Throwable thrown = catchThrowable(() -> DestinationRegistry.fromJson("{\"destinations\":[" + destination + "]}", ENV));
        assertThat(thrown).isInstanceOf(DestinationConfigException.class);
        assertThat(thrown.getMessage()).doesNotContain(MARK);
        return ((DestinationConfigException) thrown).problems();
    }

    @Test
    void urlFromAReferenceThatIsNoUrlIsReportedWithoutItsValue() {
        assertThat(problems("{\"id\":\"crm\",\"url\":\"${env:NOT_A_URL}\"}"))
                .containsExactly("destinations[crm].url: is not an absolute http or https URL without user info");
    }

    @Test
    void insecureUrlFromAReferenceIsReportedByTheReferenceName() {
        assertThat(problems("{\"id\":\"crm\",\"url\":\"${env:PLAIN_URL}\"}"))
                .containsExactly("destinations[crm].url: the value of ${env:PLAIN_URL} uses plain HTTP to a non-loopback host;"
                        + " use https or set allowInsecureHttp");
    }

    @Test
    void tokenUrlFromAReferenceIsReportedByTheReferenceName() {
        assertThat(problems("{\"id\":\"crm\",\"url\":\"https://crm.example.com/\",\"credential\":{\"type\":\"oauth2\","
                + "\"tokenUrl\":\"${env:NOT_A_URL}\",\"clientId\":\"c\",\"clientSecret\":\"s\"}}"))
                .containsExactly("destinations[crm].credential.tokenUrl: is not an absolute http or https URL without user info");
        assertThat(problems("{\"id\":\"crm\",\"url\":\"https://crm.example.com/\",\"credential\":{\"type\":\"oauth2\","
                + "\"tokenUrl\":\"${env:PLAIN_URL}\",\"clientId\":\"c\",\"clientSecret\":\"s\"}}"))
                .containsExactly("destinations[crm].credential.tokenUrl: the value of ${env:PLAIN_URL} uses plain HTTP"
                        + " to a non-loopback host; use https or set allowInsecureHttp");
    }

    @Test
    void credentialTypeFromAReferenceIsReportedByTheReferenceName() {
        assertThat(problems("{\"id\":\"crm\",\"url\":\"https://crm.example.com/\",\"credential\":{\"type\":\"${env:TYPE}\"}}"))
                .containsExactly("destinations[crm].credential: unknown credential type the value of ${env:TYPE};"
                        + " one of none, basic, bearer, apiKey, oauth2, clientCertificate");
    }

    @Test
    void timeoutAndCsrfUrlFromReferencesAreReportedByTheReferenceName() {
        assertThat(problems("{\"id\":\"crm\",\"url\":\"https://crm.example.com/\",\"timeouts\":{\"read\":\"${env:ZERO}\"},"
                + "\"csrfUrl\":\"${env:OTHER_ORIGIN}\"}"))
                .containsExactly(
                        "destinations[crm].csrfUrl: the value of ${env:OTHER_ORIGIN} must have the origin (scheme, host and port)"
                                + " of the destination URL https://crm.example.com/: the CSRF token and session cookie belong to it",
                        "destinations[crm].timeouts.read: must be positive, was the value of ${env:ZERO}");
    }

    @Test
    void timeoutBeyondTheRangeOfDurationIsAConfigurationErrorWithItsPath() {
        assertThat(problems("{\"id\":\"crm\",\"url\":\"https://crm.example.com/\",\"timeouts\":{\"connect\":\"PT99999999999999999999S\"}}"))
                .containsExactly("destinations[crm].timeouts.connect: must be at most PT24H, was 'PT99999999999999999999S'");
    }

    @Test
    void timeoutTooLongForOkHttpIsAConfigurationError() {
        assertThat(problems("{\"id\":\"crm\",\"url\":\"https://crm.example.com/\",\"timeouts\":{\"call\":\"PT9999999999999H\"}}"))
                .containsExactly("destinations[crm].timeouts.call: must be at most PT24H, was 'PT9999999999999H'");
        assertThatThrownBy(() -> ConsumedDestination.builder("crm", "https://crm.example.com/")
                .readTimeout(Duration.ofHours(9_999_999_999_999L)).build())
                .isInstanceOfSatisfying(DestinationConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("destination 'crm' timeouts.read: must be at most PT24H, was 'PT9999999999999H'"));
    }

    @Test
    void timeoutBelowOneMillisecondWouldMeanNoTimeoutAndIsRejected() {
        assertThat(problems("{\"id\":\"crm\",\"url\":\"https://crm.example.com/\",\"timeouts\":{\"read\":\"PT0.0001S\"}}"))
                .containsExactly("destinations[crm].timeouts.read: must be at least 1 ms, was 'PT0.0001S'");
    }

    @Test
    void hugeRefreshSkewIsAConfigurationError() {
        assertThat(problems("{\"id\":\"crm\",\"url\":\"https://crm.example.com/\",\"credential\":{\"type\":\"oauth2\","
                + "\"tokenUrl\":\"https://auth.example.com/t\",\"clientId\":\"c\",\"clientSecret\":\"s\","
                + "\"refreshSkew\":\"PT99999999999999999999S\"}}"))
                .containsExactly("destinations[crm].credential.refreshSkew: is too large, was 'PT99999999999999999999S'");
    }

    @Test
    void endlessSecretFileIsRefusedWithoutReadingItToTheEnd() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "needs /dev/zero");

        assertThat(problems("{\"id\":\"crm\",\"url\":\"https://crm.example.com/\",\"credential\":{\"type\":\"bearer\","
                + "\"token\":\"${file:/dev/zero}\"}}"))
                .containsExactly("destinations[crm].credential.token: reference ${file:/dev/zero} cannot be resolved"
                        + " (secret file is larger than 64 KiB)");
    }

    @Test
    void secretFileOverTheLimitOrNotUtf8IsReported() throws IOException {
        Path big = Files.write(dir.resolve("big"), new byte[SecretResolver.MAX_FILE_BYTES + 1]);
        Path binary = Files.write(dir.resolve("binary"), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        Path exact = Files.writeString(dir.resolve("exact"), "t".repeat(SecretResolver.MAX_FILE_BYTES));

        assertThat(problems("{\"id\":\"crm\",\"url\":\"https://crm.example.com/\",\"credential\":{\"type\":\"basic\","
                + "\"username\":\"${file:" + binary + "}\",\"password\":\"${file:" + big + "}\"}}"))
                .containsExactly(
                        "destinations[crm].credential.username: reference ${file:" + binary + "} cannot be resolved"
                                + " (secret file is not UTF-8 text)",
                        "destinations[crm].credential.password: reference ${file:" + big + "} cannot be resolved"
                                + " (secret file is larger than 64 KiB)");
        assertThat(SecretResolver.system().resolve("file", exact.toString())).hasSize(SecretResolver.MAX_FILE_BYTES);
    }

    @Test
    void builderRejectsACsrfUrlOfAnotherOrigin() {
        assertThatThrownBy(() -> ConsumedDestination.builder("cpi", "https://cpi.example.com/http/orders")
                .csrfUrl("https://evil.example.com/csrf").build())
                .isInstanceOf(DestinationConfigException.class)
                .hasMessageContaining("destination 'cpi' csrfUrl: 'https://evil.example.com/…' must have the origin");
    }

    @Test
    void timeoutsAtTheLimitsAreAccepted() {
        ConsumedDestination d = ConsumedDestination.builder("a", "http://127.0.0.1:8080/")
                .connectTimeout(Duration.ofMillis(1)).callTimeout(ConsumedDestination.MAX_TIMEOUT).build();

        assertThat(d.callTimeout()).isEqualTo(Duration.ofHours(24));
    }
}
