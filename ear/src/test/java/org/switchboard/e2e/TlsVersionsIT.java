package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIP over TLS speaks TLS 1.2 and 1.3 only (the stack's TLS_CLIENT_PROTOCOLS, which its TLS
 * listening socket uses too). OpenSSL's s_client offers each version alone; at security level 0
 * it is willing to speak 1.0 and 1.1, so a refusal is the server's (Debian package openssl).
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
}
