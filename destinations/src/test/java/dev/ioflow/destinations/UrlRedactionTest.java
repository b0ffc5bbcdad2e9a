package dev.ioflow.destinations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ioflow.destinations.internal.Urls;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 10, item 9: URL paths and queries (webhook secrets live there) are never printed. */
class UrlRedactionTest {
    private static final String HOOK = "https://hooks.example.com/services/T000/B000/S3CR3T";

    @Test
    void redactedUrlKeepsSchemeHostAndPortOnly() {
        assertThat(Urls.redacted(HOOK)).isEqualTo("https://hooks.example.com/…");
        assertThat(Urls.redacted("https://hooks.example.com:8443/x?key=S3CR3T")).isEqualTo("https://hooks.example.com:8443/…");
        assertThat(Urls.redacted("http://[::1]:9000/a")).isEqualTo("http://[::1]:9000/…");
        assertThat(Urls.redacted("https://crm.example.com/")).isEqualTo("https://crm.example.com/");
        assertThat(Urls.redacted("https://crm.example.com/?k=S3CR3T")).isEqualTo("https://crm.example.com/…");
        assertThat(Urls.redacted("hooks.example.com/services/S3CR3T")).isEqualTo("(not an http(s) URL)");
    }

    @Test
    void destinationToStringAndRedactedUrlHideTheWebhookPath() {
        ConsumedDestination hook = ConsumedDestination.builder("slack", HOOK).csrfUrl("https://hooks.example.com/csrf/S3CR3T").build();

        assertThat(hook.redactedUrl()).isEqualTo("https://hooks.example.com/…");
        assertThat(hook.toString()).contains("url=https://hooks.example.com/…").doesNotContain("S3CR3T");
    }

    @Test
    void configurationErrorsHideThePath() {
        Throwable thrown = catchThrowable(() -> ConsumedDestination.builder("slack", "http://hooks.example.com/services/S3CR3T")
                .readTimeout(Duration.ZERO).build());

        assertThat(thrown).isInstanceOf(DestinationConfigException.class).hasMessageContaining("http://hooks.example.com/…");
        assertThat(thrown.getMessage()).doesNotContain("S3CR3T");
    }
}
