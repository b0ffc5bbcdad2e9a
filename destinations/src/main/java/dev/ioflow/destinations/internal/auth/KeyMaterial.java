package dev.ioflow.destinations.internal.auth;

import dev.ioflow.destinations.CredentialException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;

/**
 * Loads client-certificate key material: PKCS#12 files, PEM files (certificate chain plus an unencrypted PKCS#8
 * key) and in-memory key stores. Errors are {@link CredentialException}s that name what is wrong, never a path,
 * a password or key bytes.
 */
public final class KeyMaterial {
    /** Key and certificate files larger than this are refused: no real one comes near it. */
    public static final int MAX_FILE_BYTES = 64 * 1024;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final char[] IN_MEMORY_PASSWORD = "ioflow".toCharArray();

    private KeyMaterial() {
    }

    /** Reads a PKCS#12 key store with one private key entry. */
    public static <T> T fromPkcs12(Path file, String password,
                                   BiFunction<PrivateKey, List<X509Certificate>, T> credential) {
        byte[] bytes = read(file, "PKCS#12 key store");
        char[] pw = password.toCharArray();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), pw);
            return fromKeyStore(store, pw, credential);
        } catch (IOException e) {
            boolean badPassword = e.getCause() instanceof UnrecoverableKeyException;
            throw new CredentialException(badPassword ? "client certificate key store: wrong key store password"
                    : "client certificate key store is not a readable PKCS#12 file or the password is wrong ("
                    + e.getClass().getSimpleName() + ")", null);
        } catch (GeneralSecurityException e) {
            throw new CredentialException("client certificate key store cannot be loaded (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** Reads a PEM certificate chain and a PEM PKCS#8 private key (unencrypted). */
    public static <T> T fromPem(Path certificateChain, Path privateKey,
                                BiFunction<PrivateKey, List<X509Certificate>, T> credential) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks(read(certificateChain, "certificate file"), "CERTIFICATE", "client certificate file")) {
                chain.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new CredentialException("client certificate file holds an unreadable certificate", null);
        }
        byte[] keyPem = read(privateKey, "private key file");
        List<byte[]> keys = blocks(keyPem, "PRIVATE KEY", "client private key file");
        if (keys.size() != 1) {
            throw new CredentialException("client private key file must hold exactly one 'BEGIN PRIVATE KEY' block, found "
                    + keys.size(), null);
        }
        return credential.apply(privateKey(keys.get(0)), chain);
    }

    /** The single private key entry of a key store. */
    public static <T> T fromKeyStore(KeyStore store, char[] keyPassword,
                                     BiFunction<PrivateKey, List<X509Certificate>, T> credential) {
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.size() != 1) {
                throw new CredentialException("client certificate key store must hold exactly one private key entry, found "
                        + keyAliases.size(), null);
            }
            String alias = keyAliases.get(0);
            if (!(store.getKey(alias, keyPassword) instanceof PrivateKey key)) {
                throw new CredentialException("client certificate key store entry is not a private key", null);
            }
            Certificate[] certificates = store.getCertificateChain(alias);
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates == null ? new Certificate[0] : certificates) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new CredentialException("client certificate key store entry has no certificate", null);
            }
            return credential.apply(key, chain);
        } catch (UnrecoverableKeyException e) {
            throw new CredentialException("client certificate key store: wrong key password", null);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new CredentialException("client certificate key store cannot be read (" + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** A key manager presenting exactly this key and chain. */
    public static X509KeyManager keyManager(PrivateKey key, List<X509Certificate> chain) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, IN_MEMORY_PASSWORD);
            for (KeyManager manager : factory.getKeyManagers()) {
                if (manager instanceof X509KeyManager x509) {
                    return x509;
                }
            }
            throw new CredentialException("no X.509 key manager available", null);
        } catch (GeneralSecurityException | IOException e) {
            throw new CredentialException("client certificate does not match its private key or cannot be used ("
                    + e.getClass().getSimpleName() + ")", null);
        }
    }

    private static PrivateKey privateKey(byte[] pkcs8) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "EdDSA", "DSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // try the next algorithm
            }
        }
        throw new CredentialException("client private key is not an unencrypted PKCS#8 RSA, EC or EdDSA key"
                + " (convert with: openssl pkcs8 -topk8 -nocrypt)", null);
    }

    private static List<byte[]> blocks(byte[] pem, String type, String what) {
        List<byte[]> blocks = new ArrayList<>();
        Matcher m = PEM.matcher(new String(pem, StandardCharsets.US_ASCII));
        while (m.find()) {
            if (m.group(1).equals(type)) {
                try {
                    blocks.add(Base64.getMimeDecoder().decode(m.group(2)));
                } catch (IllegalArgumentException e) {
                    throw new CredentialException(what + " holds a '" + type + "' block that is not valid Base64", null);
                }
            }
        }
        if (blocks.isEmpty()) {
            m.reset();
            String other = m.find() ? " (it holds a '" + m.group(1) + "' block" + (type.equals("PRIVATE KEY")
                    ? "; convert it to unencrypted PKCS#8 with: openssl pkcs8 -topk8 -nocrypt)" : ")") : "";
            throw new CredentialException(what + " holds no PEM '-----BEGIN " + type + "-----' block" + other, null);
        }
        return blocks;
    }

    private static byte[] read(Path file, String what) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new CredentialException("client " + what + " is larger than " + MAX_FILE_BYTES / 1024 + " KiB", null);
            }
            return bytes;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CredentialException c) {
                throw c;
            }
            throw new CredentialException("client " + what + " cannot be read (" + e.getClass().getSimpleName() + ")", null);
        }
    }
}
