package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIP over TLS speaks TLS 1.2 and 1.3 only (the stack's TLS_CLIENT_PROTOCOLS, which its TLS
 * listening socket uses too). OpenSSL's s_client offers each version alone; at security level 0
 * it is willing to speak 1.0 and 1.1, so a refusal is the server's (Debian package openssl).
 * The certificate file replaced under the running service is served to the next handshake.
 */
@ExtendWith(RunningService.class)
class TlsVersionsIT {

    private static ExternalPeer.Result handshake(String version) throws Exception {
        return ExternalPeer.run(20, "openssl", "s_client", "-connect", RawSip.HOST + ":" + (RawSip.port() + 1), version,
                "-cipher", "DEFAULT@SECLEVEL=0", "-brief");
    }

    @Test
    void tls10And11HandshakesAreRefused() throws Exception {
        for (String version : new String[] {"-tls1", "-tls1_1"}) {
            ExternalPeer.Result result = handshake(version);
            assertFalse(result.output().contains("no protocols available"), "the client would not even try " + version
                    + ":\n" + result.output());
            assertNotEquals(0, result.exitCode(), version + " was accepted:\n" + result.output());
            assertFalse(result.output().contains("Protocol version:"), version + " was accepted:\n" + result.output());
        }
    }

    @Test
    void tls12And13HandshakesAreAccepted() throws Exception {
        for (String[] version : new String[][] {{"-tls1_2", "TLSv1.2"}, {"-tls1_3", "TLSv1.3"}}) {
            ExternalPeer.Result result = handshake(version[0]);
            assertTrue(result.output().contains("Protocol version: " + version[1]), version[0] + ":\n" + result.output());
        }
    }

    @Test
    void aReplacedCertificateIsServedToTheNextHandshakeWithoutARestart() throws Exception {
        ExternalPeer.assumeInstalled("openssl");
        // The demo's keystore, where the run command made it (switchboard.sip.tls.keystore's default).
        Path keystore = Path.of(System.getProperty("switchboard.e2e.var"), "data", "sip-tls.p12");
        Path original = keystore.resolveSibling("sip-tls.p12.before-test");
        Files.copy(keystore, original, StandardCopyOption.REPLACE_EXISTING);
        String renewed = "renewed-" + UUID.randomUUID().toString().substring(0, 8);
        Path made = keystore.resolveSibling(renewed + ".p12");
        // The JDK's keytool, as the run command uses (it may not be on the PATH).
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", renewed, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=" + renewed,
                "-storetype", "PKCS12", "-keystore", made.toString(), "-storepass", "switchboard-demo")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(keytool.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");
        try {
            assertFalse(handshake("-tls1_2").output().contains(renewed));
            replace(made, keystore);
            assertTrue(awaitPeerCertificate(renewed, true), "the new certificate was not served within 10 s");
        } finally {
            replace(original, keystore);
            assertTrue(awaitPeerCertificate(renewed, false), "the demo's certificate is not back");
        }
    }

    /** The new file in place at once, with a later modification time than the one it replaces. */
    private static void replace(Path from, Path to) throws Exception {
        Files.setLastModifiedTime(from, FileTime.from(Instant.now().plusSeconds(5)));
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Handshakes (the files are looked at once a second) until the peer's certificate names {@code cn}, or no longer. */
    private static boolean awaitPeerCertificate(String cn, boolean named) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        do {
            ExternalPeer.Result result = handshake("-tls1_2");
            if (result.output().contains("Protocol version: TLSv1.2") && result.output().contains(cn) == named) {
                return true;
            }
            Thread.sleep(300);
        } while (System.currentTimeMillis() < deadline);
        return false;
    }
}
