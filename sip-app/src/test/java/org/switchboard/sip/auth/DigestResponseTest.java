package org.switchboard.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The worked examples of the digest RFCs, computed from HA1 as the registrar does. */
class DigestResponseTest {

    @Test
    void rfc2617Md5Example() {
        String ha1 = DigestAlgorithm.MD5.hash("Mufasa:testrealm@host.com:Circle Of Life");
        assertEquals("6629fae49393a05397450978507c4ef1", DigestResponse.compute(DigestAlgorithm.MD5, ha1,
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", "GET", "/dir/index.html"));
    }

    @Test
    void rfc7616Sha256Example() {
        String ha1 = DigestAlgorithm.SHA_256.hash("Mufasa:http-auth@example.org:Circle of Life");
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                DigestResponse.compute(DigestAlgorithm.SHA_256, ha1, "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
                        "00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth", "GET", "/dir/index.html"));
    }

    @Test
    void algorithmTokens() {
        assertEquals(DigestAlgorithm.MD5, DigestAlgorithm.fromToken(null).orElseThrow());
        assertEquals(DigestAlgorithm.SHA_256, DigestAlgorithm.fromToken("sha-256").orElseThrow());
        assertEquals(true, DigestAlgorithm.fromToken("MD5-sess").isEmpty());
    }
}
