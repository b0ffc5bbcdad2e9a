package dev.ioflow.destinations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DestinationFileTest {
    private static final SecretResolver ENV = SecretResolver.withEnvironment(Map.of(
            "EMARSYS_CLIENT_ID", "emarsys-client",
            "CRM_PASSWORD", "crm-password-1"));

    @TempDir
    Path dir;

    private static String file(String... destinations) {
        return "{\"destinations\":[" + String.join(",", destinations) + "]}";
    }

    private static List<String> problems(String json) {
        try {
            DestinationRegistry.fromJson(json, ENV);
        } catch (DestinationConfigException e) {
            return e.problems();
        }
        throw new AssertionError("no DestinationConfigException");
    }

    @Test
    void loadsADestinationWithEnvAndFileReferencesResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("emarsys-secret"), "emarsys-secret-1\n");
        Path json = Files.writeString(dir.resolve("destinations.json"), file("""
                {"id":"emarsys","url":"https://api.emarsys.net/api/v3/",
                 "credential":{"type":"oauth2","tokenUrl":"https://auth.emarsys.net/oauth2/token",
                               "clientId":"${env:EMARSYS_CLIENT_ID}","clientSecret":"${file:%s}","scope":"contacts"},
                 "headers":{"X-Tenant":"acme"},
                 "timeouts":{"connect":"PT5S","read":"PT20S","call":"PT60S"},
                 "cloudEvents":true,"additionalProperties":{"region":"eu"}}""".formatted(secret)));

        ConsumedDestination emarsys = DestinationRegistry.load(json, ENV).require("emarsys");

        assertThat(emarsys.url()).isEqualTo("https://api.emarsys.net/api/v3/");
        assertThat(emarsys.credential()).isEqualTo(
                Credential.oauth2ClientCredentials("https://auth.emarsys.net/oauth2/token", "emarsys-client", "emarsys-secret-1")
                        .scope("contacts").build());
        assertThat(emarsys.headers()).containsExactly(Map.entry("X-Tenant", "acme"));
        assertThat(emarsys.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(emarsys.cloudEvents()).isTrue();
        assertThat(emarsys.additionalProperties()).containsEntry("region", "eu");
    }

    @Test
    void readsEachCredentialType() {
        DestinationRegistry registry = DestinationRegistry.fromJson(file(
                "{\"id\":\"a\",\"url\":\"https://a.example.com\",\"credential\":{\"type\":\"basic\",\"username\":\"u\",\"password\":\"${env:CRM_PASSWORD}\"}}",
                "{\"id\":\"b\",\"url\":\"https://b.example.com\",\"credential\":{\"type\":\"bearer\",\"token\":\"t\"}}",
                "{\"id\":\"c\",\"url\":\"https://c.example.com\",\"credential\":{\"type\":\"apiKey\",\"headerName\":\"X-Key\",\"key\":\"k\"}}",
                "{\"id\":\"d\",\"url\":\"https://d.example.com\",\"credential\":{\"type\":\"none\"}}",
                "{\"id\":\"e\",\"url\":\"https://e.example.com\",\"active\":false}"), ENV);

        assertThat(registry.require("a").credential()).isEqualTo(Credential.basic("u", "crm-password-1"));
        assertThat(registry.require("b").credential()).isEqualTo(Credential.bearer("t"));
        assertThat(registry.require("c").credential()).isEqualTo(Credential.apiKey("X-Key", "k"));
        assertThat(registry.require("d").credential()).isEqualTo(Credential.none());
        assertThat(registry.require("e").active()).isFalse();
        assertThat(registry.require("e").credential()).isEqualTo(Credential.none());
    }

    @Test
    void unsetEnvironmentVariableNamesDestinationFieldAndReference() {
        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"https://crm.example.com\","
                + "\"credential\":{\"type\":\"bearer\",\"token\":\"${env:CRM_TOKEN}\"}}")))
                .containsExactly("destinations[crm].credential.token: reference ${env:CRM_TOKEN} cannot be resolved"
                        + " (environment variable not set)");
    }

    @Test
    void missingSecretFileNamesDestinationFieldAndReference() {
        Path missing = dir.resolve("nope");

        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"https://crm.example.com\","
                + "\"credential\":{\"type\":\"basic\",\"username\":\"u\",\"password\":\"${file:" + missing + "}\"}}")))
                .containsExactly("destinations[crm].credential.password: reference ${file:" + missing
                        + "} cannot be resolved (file missing or not readable)");
    }

    @Test
    void unknownReferenceSchemeIsReported() {
        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"https://crm.example.com\","
                + "\"credential\":{\"type\":\"bearer\",\"token\":\"${vault:crm}\"}}")))
                .containsExactly("destinations[crm].credential.token: reference ${vault:crm} cannot be resolved"
                        + " (no value for scheme 'vault'; the default resolver knows env and file)");
    }

    @Test
    void unknownCredentialTypeListsTheKnownTypes() {
        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"https://crm.example.com\",\"credential\":{\"type\":\"saml\"}}")))
                .containsExactly("destinations[crm].credential: unknown credential type 'saml'; one of none, basic, bearer, apiKey, oauth2, clientCertificate");
    }

    @Test
    void missingCredentialTypeIsReported() {
        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"https://crm.example.com\",\"credential\":{\"token\":\"t\"}}")))
                .containsExactly("destinations[crm].credential: credential 'type' is missing; one of none, basic, bearer, apiKey, oauth2, clientCertificate");
    }

    @Test
    void missingFieldsAreAllReportedWithTheirPaths() {
        assertThat(problems(file("{\"id\":\"crm\",\"credential\":{\"type\":\"oauth2\",\"clientId\":\"id\"}}")))
                .containsExactlyInAnyOrder(
                        "destinations[crm].url: must not be blank",
                        "destinations[crm].credential.tokenUrl: must not be blank",
                        "destinations[crm].credential.clientSecret: must not be blank");
    }

    @Test
    void missingIdIsReportedByIndex() {
        assertThat(problems(file("{\"url\":\"https://crm.example.com\"}")))
                .containsExactly("destinations[#0].id: must not be blank");
    }

    @Test
    void malformedUrlIsReported() {
        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"crm.example.com/api\"}")))
                .containsExactly("destinations[crm].url: is not an absolute http or https URL without user info");
    }

    @Test
    void insecureUrlIsReported() {
        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"http://crm.example.com/api\"}")))
                .containsExactly("destinations[crm].url: 'http://crm.example.com/…' uses plain HTTP to a non-loopback host;"
                        + " use https or set allowInsecureHttp");
    }

    @Test
    void duplicateIdIsReported() {
        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"https://a.example.com\"}", "{\"id\":\"crm\",\"url\":\"https://b.example.com\"}")))
                .containsExactly("destinations[#1].id: duplicate destination id 'crm' (first at destinations[#0])");
    }

    @Test
    void malformedAndNonPositiveTimeoutsAreReported() {
        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"https://crm.example.com\",\"timeouts\":{\"connect\":\"5s\"}}",
                "{\"id\":\"erp\",\"url\":\"https://erp.example.com\",\"timeouts\":{\"read\":\"PT0S\"}}")))
                .containsExactly(
                        "destinations[crm].timeouts.connect: must be an ISO-8601 duration such as PT20S",
                        "destinations[erp].timeouts.read: must be positive, was 'PT0S'");
    }

    @Test
    void emptyDurationsAreReported() {
        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"https://crm.example.com\",\"timeouts\":{\"connect\":\"P\",\"call\":\"PT\"}}")))
                .containsExactlyInAnyOrder(
                        "destinations[crm].timeouts.connect: must be an ISO-8601 duration such as PT20S",
                        "destinations[crm].timeouts.call: must be an ISO-8601 duration such as PT20S");
    }

    @Test
    void unknownFieldIsReportedWithTheKnownOnes() {
        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"https://crm.example.com\",\"timeout\":\"PT5S\"}")))
                .singleElement().asString()
                .startsWith("destinations[crm].timeout: unknown field; known fields: active, additionalProperties");
    }

    @Test
    void wrongValueTypeIsReportedWithoutQuotingTheValue() {
        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"https://crm.example.com\",\"active\":\"${env:CRM_PASSWORD}\"}")))
                .containsExactly("destinations[crm].active: expected true or false");
    }

    @Test
    void problemsOfEveryDestinationAreReportedAtOnce() {
        assertThat(problems(file(
                "{\"id\":\"a\",\"url\":\"nope\"}",
                "{\"id\":\"b\",\"url\":\"https://b.example.com\",\"credential\":{\"type\":\"bearer\",\"token\":\"${env:B}\"}}",
                "{\"id\":\"c\",\"url\":\"https://c.example.com\",\"credential\":{\"type\":\"basic\",\"username\":\"u\"}}")))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("destinations[a].url"))
                .anySatisfy(p -> assertThat(p).startsWith("destinations[b].credential.token"))
                .anySatisfy(p -> assertThat(p).startsWith("destinations[c].credential.password"));
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> DestinationRegistry.fromJson("{\"destinations\": [\n  {\"id\": }\n]}", ENV))
                .isInstanceOf(DestinationConfigException.class)
                .hasMessageContaining("not valid JSON at line 2, column");
    }

    @Test
    void fileWithoutDestinationsArrayIsReported() {
        assertThat(problems("{\"destination\":[]}"))
                .containsExactly("destination: unknown field; a destination file has only 'destinations'",
                        "destinations: must be an array of destinations");
    }

    @Test
    void unreadableFileIsAConfigError() {
        Path missing = dir.resolve("missing.json");

        assertThatThrownBy(() -> DestinationRegistry.load(missing, ENV))
                .isInstanceOf(DestinationConfigException.class)
                .hasMessageContaining("cannot read destination file " + missing);
    }

    @Test
    void invalidCredentialValueIsReportedWithoutTheSecret() {
        assertThat(problems(file("{\"id\":\"crm\",\"url\":\"https://crm.example.com\","
                + "\"credential\":{\"type\":\"basic\",\"username\":\"a:b\",\"password\":\"${env:CRM_PASSWORD}\"}}")))
                .containsExactly("destinations[crm].credential: Basic credential user name must be non-blank and must not contain ':'");
    }

    @Test
    void syntaxErrorDoesNotQuoteAnUnquotedValueThatMayBeASecret() {
        String json = "{\"destinations\":[{\"id\":\"crm\",\"url\":\"https://crm.example.com/\",\n"
                + "\"credential\":{\"type\":\"bearer\",\"token\":S3CR3T}}]}";

        assertThatThrownBy(() -> DestinationRegistry.fromJson(json, SecretResolver.withEnvironment(Map.of())))
                .isInstanceOf(DestinationConfigException.class)
                .hasMessageContaining("not valid JSON at line 2, column")
                .hasMessageContaining("Unrecognized token")
                .hasMessageNotContaining("S3CR3T");
    }
}
