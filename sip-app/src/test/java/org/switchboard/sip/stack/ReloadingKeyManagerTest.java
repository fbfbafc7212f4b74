package org.switchboard.sip.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS server socket made as the SIP engine's is (an SSLContext over {@link ReloadingKeyManager}),
 * real handshakes on loopback: after the certificate files are replaced, the next handshake gets
 * the new certificate, from a PKCS12 keystore and from PEM files; a broken replacement leaves the
 * certificate in use. Certificates are made with the JDK's keytool and, for PEM, openssl.
 */
class ReloadingKeyManagerTest {

    private static final String PASSWORD = "test-pass";

    @TempDir
    Path dir;

    @Test
    void aReplacedKeystoreIsServedToTheNextHandshake() throws Exception {
        Path keystore = dir.resolve("sip-tls.p12");
        keytool(keystore, "first");
        TlsKeyFiles files = new TlsKeyFiles(keystore, null, "PKCS12", PASSWORD.toCharArray());
        try (Server server = new Server(files)) {
            assertEquals("CN=first", server.handshake());
            Path renewed = dir.resolve("renewed.p12");
            keytool(renewed, "renewed");
            replace(renewed, keystore);
            assertEquals("CN=renewed", server.awaitSubject("CN=renewed"));

            Files.writeString(keystore, "half a file"); // a copy in progress
            Files.setLastModifiedTime(keystore, FileTime.from(Instant.now().plusSeconds(30)));
            Thread.sleep(1100);
            assertEquals("CN=renewed", server.handshake(), "the certificate in use stays");
        }
    }

    @Test
    void pemCertificateAndKeyFilesAreReadAndReloaded() throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not installed");
        Path cert = dir.resolve("fullchain.pem");
        Path key = dir.resolve("privkey.pem");
        openssl(cert, key, "pem-first");
        TlsKeyFiles files = new TlsKeyFiles(cert, key, "PEM", PASSWORD.toCharArray());
        try (Server server = new Server(files)) {
            assertEquals("CN=pem-first", server.handshake());
            Path newCert = dir.resolve("new-cert.pem");
            Path newKey = dir.resolve("new-key.pem");
            openssl(newCert, newKey, "pem-second");
            replace(newKey, key);
            replace(newCert, cert);
            assertEquals("CN=pem-second", server.awaitSubject("CN=pem-second"));
        }
        // One file holding both, as some tools write it.
        Path both = dir.resolve("both.pem");
        Files.writeString(both, Files.readString(key) + Files.readString(cert));
        try (Server server = new Server(new TlsKeyFiles(both, null, "PEM", PASSWORD.toCharArray()))) {
            assertEquals("CN=pem-second", server.handshake());
        }
    }

    @Test
    void aPemFileWithoutAKeyIsRefusedSayingWhy() throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not installed");
        Path cert = dir.resolve("cert.pem");
        openssl(cert, dir.resolve("key.pem"), "no-key");
        Exception refused = assertThrows(Exception.class,
                () -> new ReloadingKeyManager(new TlsKeyFiles(cert, null, "PEM", PASSWORD.toCharArray())));
        assertEquals(true, refused.getMessage().contains("found 1 certificates and 0 keys"), refused.getMessage());
    }

    /** Moves {@code from} over {@code to} with a later modification time (file systems keep whole seconds at worst). */
    private static void replace(Path from, Path to) throws IOException {
        Files.setLastModifiedTime(from, FileTime.from(Instant.now().plusSeconds(5)));
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A TLS listening socket on loopback with the engine's key manager, and a client that trusts any certificate. */
    private static final class Server implements AutoCloseable {
        private final SSLServerSocket socket;
        private final SSLContext client;

        Server(TlsKeyFiles files) throws Exception {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new ReloadingKeyManager(files)}, null, null);
            socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
            client = SSLContext.getInstance("TLS");
            client.init(null, new TrustManager[] {new AnyCertificate()}, null);
        }

        /** A new connection's handshake: the subject of the certificate the server presented. */
        String handshake() throws Exception {
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (SSLSocket peer = (SSLSocket) socket.accept()) {
                    peer.startHandshake();
                } catch (IOException e) {
                    // the client's side says what went wrong
                }
            });
            try (SSLSocket connection = (SSLSocket) client.getSocketFactory().createSocket(socket.getInetAddress(), socket.getLocalPort())) {
                connection.setSoTimeout(10_000);
                connection.startHandshake();
                return ((X509Certificate) connection.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
            } finally {
                accepted.get(10, TimeUnit.SECONDS);
            }
        }

        /** Handshakes until {@code subject} is served (files are looked at once a second), for at most 5 s. */
        String awaitSubject(String subject) throws Exception {
            long deadline = System.currentTimeMillis() + 5000;
            String seen = handshake();
            while (!seen.equals(subject) && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                seen = handshake();
            }
            return seen;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static void keytool(Path keystore, String cn) throws Exception {
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", cn,
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=" + cn, "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
    }

    private static void openssl(Path cert, Path key, String cn) throws Exception {
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + cn,
                "-keyout", key.toString(), "-out", cert.toString()));
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(true, process.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(0, process.exitValue(), command.toString());
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
