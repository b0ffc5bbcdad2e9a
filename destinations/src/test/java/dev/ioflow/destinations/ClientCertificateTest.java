package dev.ioflow.destinations;

import static dev.ioflow.destinations.TestSupport.ok;
import static dev.ioflow.destinations.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, item 5: client-certificate credentials against a TLS server that requires a client certificate. */
class ClientCertificateTest {
    private static final String PASSWORD = "p12-S3CR3T";

    private final HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();
    private final HeldCertificate client = new HeldCertificate.Builder().signedBy(ca).commonName("ioflow-client").build();
    private final MockWebServer server = new MockWebServer();
    /** The application's client: trusts the test CA, as a company CA would be trusted. */
    private OkHttpClient shared;

    @TempDir
    Path dir;

    @BeforeEach
    void startTlsServerRequiringClientCertificates() throws IOException {
        HeldCertificate serverCertificate = new HeldCertificate.Builder().signedBy(ca)
                .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName(java.net.InetAddress.getByName("localhost").getCanonicalHostName()).build();
        HandshakeCertificates serverSide = new HandshakeCertificates.Builder()
                .heldCertificate(serverCertificate).addTrustedCertificate(ca.certificate()).build();
        server.useHttps(serverSide.sslSocketFactory());
        server.requireClientAuth();
        server.start();
        HandshakeCertificates clientTrust = new HandshakeCertificates.Builder().addTrustedCertificate(ca.certificate()).build();
        shared = new OkHttpClient.Builder().sslSocketFactory(clientTrust.sslSocketFactory(), clientTrust.trustManager()).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DestinationClient clientWith(Credential credential) {
        return DestinationClient.builder().okHttpClient(shared)
                .destination(ConsumedDestination.builder("mtls", server.url("/api/").toString()).credential(credential).build())
                .build();
    }

    private Path pkcs12() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", client.keyPair().getPrivate(), PASSWORD.toCharArray(),
                new X509Certificate[] {client.certificate(), ca.certificate()});
        Path file = dir.resolve("client.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    @Test
    void withThePkcs12CertificateTheCallSucceedsAndTheServerSeesTheClient() throws Exception {
        server.enqueue(ok("{}"));

        DestinationResponse response = clientWith(Credential.clientCertificatePkcs12(pkcs12(), PASSWORD))
                .send("mtls", DestinationRequest.builder().json("{}").build());

        assertThat(response.status()).isEqualTo(200);
        var handshake = take(server).getHandshake();
        assertThat(handshake).isNotNull();
        assertThat(((X509Certificate) handshake.peerCertificates().get(0)).getSubjectX500Principal().getName())
                .isEqualTo("CN=ioflow-client");
    }

    @Test
    void withPemFilesTheCallSucceeds() throws Exception {
        server.enqueue(ok("{}"));
        Path chain = Files.writeString(dir.resolve("client.crt"), client.certificatePem() + ca.certificatePem());
        Path key = Files.writeString(dir.resolve("client.key"), client.privateKeyPkcs8Pem());

        assertThat(clientWith(Credential.clientCertificatePem(chain, key))
                .send("mtls", DestinationRequest.builder().json("{}").build()).status()).isEqualTo(200);
    }

    @Test
    void withoutACertificateTheHandshakeFailsWithAClearDestinationException() {
        Throwable thrown = catchThrowable(() -> clientWith(Credential.none())
                .send("mtls", DestinationRequest.builder().json("{}").build()));

        assertThat(thrown).isInstanceOfSatisfying(DestinationIOException.class, e -> {
            assertThat(e.kind()).isIn(DestinationIOException.Kind.TLS, DestinationIOException.Kind.IO);
            assertThat(e.getMessage()).startsWith("Call to destination 'mtls' (host " + server.getHostName() + ") failed: ")
                    .endsWith("if it requires a client certificate (mutual TLS), give the destination a client certificate credential");
        });
    }

    @Test
    void destinationFileLoadsTheKeyStoreWithReferencesAndNeverShowsPasswordOrPath() throws Exception {
        Path p12 = pkcs12();
        SecretResolver env = SecretResolver.withEnvironment(Map.of("KS", p12.toString(), "KS_PASSWORD", PASSWORD));
        ConsumedDestination d = DestinationRegistry.fromJson("{\"destinations\":[{\"id\":\"mtls\",\"url\":\"https://cpi.example.com/\","
                + "\"credential\":{\"type\":\"clientCertificate\",\"keyStore\":\"${env:KS}\",\"keyStorePassword\":\"${env:KS_PASSWORD}\"}}]}",
                env).require("mtls");

        assertThat(d.credential()).isInstanceOf(ClientCertificateCredential.class);
        assertThat(d.toString()).contains("subject=CN=ioflow-client").doesNotContain("S3CR3T").doesNotContain(p12.toString());
    }

    @Test
    void wrongPasswordIsAConfigurationErrorWithItsPathAndWithoutThePassword() throws Exception {
        Path p12 = pkcs12();
        SecretResolver env = SecretResolver.withEnvironment(Map.of("KS", p12.toString(), "WRONG", "wrong-S3CR3T"));

        assertThatThrownBy(() -> DestinationRegistry.fromJson("{\"destinations\":[{\"id\":\"mtls\",\"url\":\"https://cpi.example.com/\","
                + "\"credential\":{\"type\":\"clientCertificate\",\"keyStore\":\"${env:KS}\",\"keyStorePassword\":\"${env:WRONG}\"}}]}", env))
                .isInstanceOfSatisfying(DestinationConfigException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith("destinations[mtls].credential: client certificate key store")
                        .doesNotContain("S3CR3T").doesNotContain(p12.toString()));
    }

    @Test
    void incompleteOrMixedCertificateSettingsAreReportedWithPaths() {
        SecretResolver env = SecretResolver.withEnvironment(Map.of());
        String mixed = "{\"destinations\":[{\"id\":\"a\",\"url\":\"https://a.example.com/\",\"credential\":{\"type\":\"clientCertificate\","
                + "\"keyStore\":\"/x.p12\",\"certificate\":\"/x.crt\"}},"
                + "{\"id\":\"b\",\"url\":\"https://b.example.com/\",\"credential\":{\"type\":\"clientCertificate\",\"certificate\":\"/x.crt\"}}]}";

        assertThatThrownBy(() -> DestinationRegistry.fromJson(mixed, env))
                .isInstanceOfSatisfying(DestinationConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "destinations[a].credential: a clientCertificate credential has either keyStore and keyStorePassword"
                                + " (PKCS#12) or certificate and privateKey (PEM files)",
                        "destinations[b].credential.privateKey: must not be blank"));
    }

    @Test
    void pemKeyInPkcs1FormatIsRejectedWithAHint() throws Exception {
        HeldCertificate rsa = new HeldCertificate.Builder().rsa2048().signedBy(ca).commonName("rsa-client").build();
        Path chain = Files.writeString(dir.resolve("client.crt"), rsa.certificatePem());
        Path key = Files.writeString(dir.resolve("client.key"), rsa.privateKeyPkcs1Pem());

        assertThatThrownBy(() -> Credential.clientCertificatePem(chain, key))
                .isInstanceOf(CredentialException.class)
                .hasMessage("client private key file holds no PEM '-----BEGIN PRIVATE KEY-----' block (it holds a 'RSA PRIVATE KEY'"
                        + " block; convert it to unencrypted PKCS#8 with: openssl pkcs8 -topk8 -nocrypt)");
    }

    @Test
    void credentialsOfTheSameKeyAreEqual() throws Exception {
        Path p12 = pkcs12();

        assertThat(Credential.clientCertificatePkcs12(p12, PASSWORD)).isEqualTo(Credential.clientCertificatePkcs12(p12, PASSWORD));
    }
}
