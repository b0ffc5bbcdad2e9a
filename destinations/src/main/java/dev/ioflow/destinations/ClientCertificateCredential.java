package dev.ioflow.destinations;

import dev.ioflow.destinations.internal.auth.KeyMaterial;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.X509KeyManager;
import org.jspecify.annotations.Nullable;

/**
 * A client certificate for mutual TLS: SAP's certificate credential of consumed destinations. The destination's
 * connections present the certificate in the TLS handshake; the server certificate is checked with the trust
 * manager of the {@code OkHttpClient} the {@link DestinationClient} was built with (the platform's by default).
 * Loaded when created, so a wrong password or an unreadable file is reported at configuration, not at the
 * first call. {@code toString()} shows the certificate's subject and expiry, never the key, a password or a path.
 *
 * <pre>{@code
 * Credential mtls = Credential.clientCertificatePkcs12(Path.of("/run/secrets/client.p12"), password);
 * Credential pem = Credential.clientCertificatePem(Path.of("client.crt"), Path.of("client.key"));
 * }</pre>
 *
 * @since 1.0
 */
public final class ClientCertificateCredential implements Credential {
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final X509KeyManager keyManager;

    ClientCertificateCredential(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.keyManager = KeyMaterial.keyManager(privateKey, this.chain);
    }

    static ClientCertificateCredential of(KeyStore keyStore, String keyPassword) {
        return KeyMaterial.fromKeyStore(keyStore, keyPassword.toCharArray(), ClientCertificateCredential::new);
    }

    /** @return the client certificate and its chain, the client's own certificate first */
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /**
     * The key manager that presents the certificate in TLS handshakes. Call it only to set up TLS.
     *
     * @return the key manager
     */
    public X509KeyManager keyManager() {
        return keyManager;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ClientCertificateCredential that && privateKey.equals(that.privateKey) && chain.equals(that.chain);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {chain.get(0)});
    }

    /** Shows subject and expiry of the certificate; never the key. */
    @Override
    public String toString() {
        X509Certificate own = chain.get(0);
        return "ClientCertificateCredential[subject=" + own.getSubjectX500Principal().getName()
                + ", notAfter=" + own.getNotAfter().toInstant() + ", privateKey=****]";
    }
}
