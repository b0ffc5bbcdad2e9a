package dev.ioflow.destinations;

import static dev.ioflow.destinations.TestSupport.ok;
import static dev.ioflow.destinations.TestSupport.take;
import static dev.ioflow.destinations.TestSupport.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.util.List;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Values OkHttp would refuse with a message quoting them, the HTTPS rule on redirects, and dot segments in paths. */
class HeaderAndRedirectSafetyTest extends MockServerTest {

    @Test
    void apiKeyWithATrailingLineBreakIsRejectedAtConstructionWithoutQuotingIt() {
        assertThatThrownBy(() -> Credential.apiKey("X-Api-Key", "S3CR3T\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("API key for header 'X-Api-Key' contains control or non-ASCII characters (a trailing line break?)");
    }

    @Test
    void apiKeyWithNonAsciiCharactersIsRejectedWithoutQuotingIt() {
        Throwable thrown = catchThrowable(() -> Credential.apiKey("X-Api-Key", "S3CRÉT"));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).doesNotContain("S3CR");
    }

    @Test
    void bearerTokenWithALineBreakIsRejectedWithoutQuotingIt() {
        Throwable thrown = catchThrowable(() -> Credential.bearer("S3CR3T\r\n"));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bearer token");
        assertThat(thrown.getMessage()).doesNotContain("S3CR");
    }

    @Test
    void apiKeyFromAnEnvironmentVariableWithALineBreakIsAFileProblemNotASendFailure() {
        String json = "{\"destinations\":[{\"id\":\"crm\",\"url\":\"https://crm.example.com/\",\"credential\":"
                + "{\"type\":\"apiKey\",\"headerName\":\"X-Api-Key\",\"key\":\"${env:KEY}\"}}]}";

        assertThatThrownBy(() -> DestinationRegistry.fromJson(json, SecretResolver.withEnvironment(java.util.Map.of("KEY", "S3CR3T\n"))))
                .isInstanceOfSatisfying(DestinationConfigException.class, e -> {
                    assertThat(e.problems()).singleElement().asString().startsWith("destinations[crm].credential: API key");
                    assertThat(e.getMessage()).doesNotContain("S3CR");
                });
    }

    @Test
    void requestHeaderWithNonAsciiValueIsRejectedByTheBuilderWithoutQuotingIt() {
        assertThatThrownBy(() -> DestinationRequest.builder().header("X-Token", "S3CRÉT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value of header 'X-Token' is null or contains control or non-ASCII characters");
    }

    @Test
    void destinationHeaderWithNonAsciiValueIsAConfigurationProblem() {
        assertThatThrownBy(() -> ConsumedDestination.builder("crm", "https://crm.example.com/").header("X-Tenant", "Zürich").build())
                .isInstanceOfSatisfying(DestinationConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("destination 'crm' headers.X-Tenant: value contains control or non-ASCII characters"));
    }

    @Test
    void pathWithDotDotSegmentsIsRejectedSoItCannotLeaveTheBasePath() {
        assertThatThrownBy(() -> DestinationRequest.builder().path("../../admin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path '../../admin' must not contain '.' or '..' segments");
        assertThatThrownBy(() -> DestinationRequest.builder().path("contact/./x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathSegmentsThatOnlyLookLikeDotsStayUnderTheBasePath() throws Exception {
        server.enqueue(ok("{}"));
        ConsumedDestination destination = ConsumedDestination.builder("crm", url(server, "/api/v2/")).build();

        TestSupport.clientFor(destination).send("crm", DestinationRequest.builder().path("a..b/...").build());

        assertThat(take(server).getTarget()).isEqualTo("/api/v2/a..b/...");
    }

    @Test
    void destinationHttpClientRefusesRequestsToAnotherHostAndNeverSendsTheCredentialThere() {
        server.enqueue(ok("{}"));
        ConsumedDestination destination = ConsumedDestination.builder("crm", url(server, "/api/"))
                .credential(Credential.apiKey("X-Api-Key", "S3CR3T")).build();
        String otherHost = server.url("/").host().equals("127.0.0.1") ? "localhost" : "127.0.0.1";
        okhttp3.Request elsewhere = new okhttp3.Request.Builder()
                .url("http://" + otherHost + ":" + server.getPort() + "/api/contact").build();

        Throwable thrown = catchThrowable(() -> TestSupport.clientFor(destination).httpClient("crm").newCall(elsewhere).execute());

        assertThat(thrown).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("only sends to http://" + server.url("/").host() + ":" + server.getPort());
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void destinationHttpClientSendsToOtherPathsOfTheDestinationHost() throws Exception {
        server.enqueue(ok("{}"));
        ConsumedDestination destination = ConsumedDestination.builder("crm", url(server, "/api/")).build();

        try (okhttp3.Response response = TestSupport.clientFor(destination).httpClient("crm")
                .newCall(new okhttp3.Request.Builder().url(server.url("/other/path")).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(take(server).getTarget()).isEqualTo("/other/path");
    }

    @Test
    void customCredentialSignsEachTransmissionIncludingOkHttpsRetryOnANewConnection() throws Exception {
        server.enqueue(ok("{}"));
        server.enqueue(new MockResponse.Builder().onResponseStart(new mockwebserver3.SocketEffect.CloseSocket()).build());
        server.enqueue(ok("{}"));
        java.util.concurrent.atomic.AtomicInteger signatures = new java.util.concurrent.atomic.AtomicInteger();
        CustomCredential signing = () -> chain -> chain.proceed(chain.request().newBuilder()
                .header("X-Signature", "sig-" + signatures.incrementAndGet()).build());
        DestinationClient client = TestSupport.clientFor(
                ConsumedDestination.builder("crm", url(server, "/")).credential(signing).build());

        client.send("crm", DestinationRequest.builder().build());
        client.send("crm", DestinationRequest.builder().build());

        take(server);
        assertThat(take(server).getHeaders().get("X-Signature")).isEqualTo("sig-2");
        assertThat(take(server).getHeaders().get("X-Signature")).isEqualTo("sig-3");
    }
}
