package dev.ioflow.destinations;

/**
 * How a {@link ConsumedDestination} authenticates: SAP's <em>Basic Credential</em> and <em>Consumed OAuth
 * Credential</em> and certificate credential (mutual TLS), plus bearer tokens, API key headers and a hook for any other scheme
 * ({@link CustomCredential}). Secret parts are {@link Secret}s, so {@code toString()} shows {@code ****}.
 *
 * <pre>{@code
 * Credential basic = Credential.basic("integration", "s3cret");
 * Credential oauth = Credential.oauth2ClientCredentials("https://auth.example.com/oauth2/token", "id", "secret")
 *         .scope("contacts")
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface Credential
        permits NoCredential, BasicCredential, OAuth2ClientCredentials, BearerTokenCredential, ApiKeyCredential,
        CustomCredential, ClientCertificateCredential {

    /**
     * No authentication.
     *
     * @return the credential that adds nothing to requests
     */
    static Credential none() {
        return new NoCredential();
    }

    /**
     * HTTP Basic authentication ({@code Authorization: Basic base64(user:password)}).
     *
     * @param username the user name, without {@code ':'}
     * @param password the password
     * @return the credential
     */
    static BasicCredential basic(String username, String password) {
        return new BasicCredential(username, Secret.of(password));
    }

    /**
     * A static bearer token ({@code Authorization: Bearer token}).
     *
     * @param token the token
     * @return the credential
     */
    static BearerTokenCredential bearer(String token) {
        return new BearerTokenCredential(Secret.of(token));
    }

    /**
     * An API key sent in a header of its own, e.g. {@code X-Api-Key}.
     *
     * @param headerName the header name
     * @param key the key
     * @return the credential
     */
    static ApiKeyCredential apiKey(String headerName, String key) {
        return new ApiKeyCredential(headerName, Secret.of(key));
    }

    /**
     * Starts an OAuth 2.0 client-credentials grant: the sender fetches an access token from
     * {@code tokenUrl}, caches it until shortly before it expires and sends it as a bearer token.
     *
     * @param tokenUrl the token endpoint, absolute http(s) URL
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return a builder for the optional settings (scope, refresh skew, client authentication)
     */
    static OAuth2ClientCredentials.Builder oauth2ClientCredentials(String tokenUrl, String clientId, String clientSecret) {
        return OAuth2ClientCredentials.builder(tokenUrl, clientId, Secret.of(clientSecret));
    }

    /**
     * A client certificate for mutual TLS from a PKCS#12 key store file holding one private key entry (key store
     * and key protected by the same password, as {@code openssl pkcs12 -export} and {@code keytool} write them).
     *
     * @param keyStore the {@code .p12}/{@code .pfx} file
     * @param password the key store password
     * @return the credential
     * @throws CredentialException when the file cannot be read, the password is wrong or it holds no single key entry
     *         (the message never shows the path or the password)
     * @since 1.0
     */
    static ClientCertificateCredential clientCertificatePkcs12(java.nio.file.Path keyStore, String password) {
        return dev.ioflow.destinations.internal.auth.KeyMaterial.fromPkcs12(keyStore, password, ClientCertificateCredential::new);
    }

    /**
     * A client certificate for mutual TLS from PEM files: the certificate chain (client certificate first) and
     * an unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}).
     *
     * @param certificateChain the PEM certificate file
     * @param privateKey the PEM private key file
     * @return the credential
     * @throws CredentialException when a file cannot be read or parsed, or key and certificate do not match
     * @since 1.0
     */
    static ClientCertificateCredential clientCertificatePem(java.nio.file.Path certificateChain, java.nio.file.Path privateKey) {
        return dev.ioflow.destinations.internal.auth.KeyMaterial.fromPem(certificateChain, privateKey, ClientCertificateCredential::new);
    }

    /**
     * A client certificate for mutual TLS from a loaded key store holding one private key entry.
     *
     * @param keyStore the key store
     * @param keyPassword the password of the key entry
     * @return the credential
     * @throws CredentialException when the store holds no single key entry or the password is wrong
     * @since 1.0
     */
    static ClientCertificateCredential clientCertificate(java.security.KeyStore keyStore, String keyPassword) {
        return ClientCertificateCredential.of(keyStore, keyPassword);
    }
}
