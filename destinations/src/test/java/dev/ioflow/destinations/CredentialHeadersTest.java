package dev.ioflow.destinations;

import static dev.ioflow.destinations.TestSupport.clientFor;
import static dev.ioflow.destinations.TestSupport.ok;
import static dev.ioflow.destinations.TestSupport.postJson;
import static dev.ioflow.destinations.TestSupport.take;
import static dev.ioflow.destinations.TestSupport.url;
import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.RecordedRequest;
import okhttp3.Interceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredentialHeadersTest extends MockServerTest {

    @BeforeEach
    void answerOk() {
        server.enqueue(ok("{}"));
    }

    private RecordedRequest sendWith(Credential credential) throws InterruptedException {
        ConsumedDestination destination = ConsumedDestination.builder("crm", url(server, "/api/")).credential(credential).build();
        clientFor(destination).send("crm", postJson("{}"));
        return take(server);
    }

    @Test
    void basicCredentialSendsBase64UserAndPassword() throws Exception {
        RecordedRequest request = sendWith(Credential.basic("integration", "s3cret"));

        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic aW50ZWdyYXRpb246czNjcmV0");
    }

    @Test
    void bearerCredentialSendsTheToken() throws Exception {
        RecordedRequest request = sendWith(Credential.bearer("tok-123"));

        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tok-123");
    }

    @Test
    void apiKeyCredentialSendsTheKeyInItsOwnHeader() throws Exception {
        RecordedRequest request = sendWith(Credential.apiKey("X-Api-Key", "key-456"));

        assertThat(request.getHeaders().get("X-Api-Key")).isEqualTo("key-456");
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void customCredentialInterceptorSignsTheRequest() throws Exception {
        CustomCredential wsse = () -> (Interceptor) chain -> chain.proceed(chain.request().newBuilder()
                .header("X-WSSE", "UsernameToken Username=\"acme\"")
                .build());

        RecordedRequest request = sendWith(wsse);

        assertThat(request.getHeaders().get("X-WSSE")).isEqualTo("UsernameToken Username=\"acme\"");
    }

    @Test
    void noCredentialSendsNoAuthorization() throws Exception {
        RecordedRequest request = sendWith(Credential.none());

        assertThat(request.getHeaders().get("Authorization")).isNull();
    }
}
