package org.dbb.console.core.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import okhttp3.OkHttpClient;

/**
 * TLS for a MockWebServer standing in for Entra ID on 127.0.0.1, because azure-identity refuses any authority that
 * is not https. A throwaway self-signed RSA 2048 certificate for 127.0.0.1 and localhost is made when the tests
 * run, so no key is ever committed; its PEM (certificate plus PKCS#8 key) also serves as a service principal's
 * certificate, which is the form azure-identity wants.
 */
final class LocalTls {

    private static final char[] PASSWORD = "test-only".toCharArray();

    private final SSLContext server;
    private final SSLContext client;
    private final X509TrustManager trust;
    private final String pem;

    private LocalTls(SSLContext server, SSLContext client, X509TrustManager trust, String pem) {
        this.server = server;
        this.client = client;
        this.trust = trust;
        this.pem = pem;
    }

    static LocalTls load() throws Exception {
        okhttp3.tls.HeldCertificate held = new okhttp3.tls.HeldCertificate.Builder()
                .commonName("127.0.0.1")
                .addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("localhost")
                .rsa2048()
                .build();
        String pem = held.certificatePem() + held.privateKeyPkcs8Pem();
        Certificate cert = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(block(pem, "CERTIFICATE")));
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY")));

        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("localhost", key, PASSWORD, new Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("localhost", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        X509TrustManager trust = (X509TrustManager) tmf.getTrustManagers()[0];
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
        return new LocalTls(server, client, trust, pem);
    }

    javax.net.ssl.SSLSocketFactory serverSocketFactory() {
        return server.getSocketFactory();
    }

    /** An OkHttp client that trusts only the test certificate, so nothing else could be reached over TLS. */
    OkHttpClient trustingClient() {
        return new OkHttpClient.Builder().sslSocketFactory(client.getSocketFactory(), trust).build();
    }

    /** Writes the certificate and key where a service principal's certificatePath can point. */
    Path writePem(Path dir) throws IOException {
        return Files.writeString(dir.resolve("sp-certificate.pem"), pem, StandardCharsets.US_ASCII);
    }

    private static byte[] block(String pem, String type) {
        Matcher m = Pattern.compile("-----BEGIN " + type + "-----(.*?)-----END " + type + "-----", Pattern.DOTALL)
                .matcher(pem);
        if (!m.find()) {
            throw new IllegalStateException("no " + type + " in the generated PEM");
        }
        return Base64.getMimeDecoder().decode(m.group(1));
    }
}
