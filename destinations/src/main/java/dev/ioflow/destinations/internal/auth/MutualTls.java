package dev.ioflow.destinations.internal.auth;

import dev.ioflow.destinations.ClientCertificateCredential;
import dev.ioflow.destinations.CredentialException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Gives a destination's client a TLS socket factory that presents the client certificate. OkHttp pools
 * connections by address, socket factory included, so these connections are never shared with other destinations.
 */
final class MutualTls {

    private MutualTls() {
    }

    static void install(ClientCertificateCredential certificate, OkHttpClient.Builder builder, @Nullable X509TrustManager trust) {
        X509TrustManager trustManager = trust != null ? trust : platformTrustManager();
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(new KeyManager[] {certificate.keyManager()}, new TrustManager[] {trustManager}, null);
            builder.sslSocketFactory(tls.getSocketFactory(), trustManager);
        } catch (GeneralSecurityException e) {
            throw new CredentialException("TLS with the client certificate cannot be set up (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    private static X509TrustManager platformTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new CredentialException("the platform's trust manager is not available (" + e.getClass().getSimpleName() + ")", null);
        }
        throw new CredentialException("the platform has no X.509 trust manager", null);
    }
}
