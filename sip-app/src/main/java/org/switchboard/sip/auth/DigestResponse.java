package org.switchboard.sip.auth;

/**
 * The digest "response" value a client must send (RFC 2617 section 3.2.2.1, RFC 7616 section
 * 3.4.1), computed from the stored HA1 so the clear password is never needed.
 */
public final class DigestResponse {

    private DigestResponse() {
    }

    /**
     * @param qop    "auth", or null for the RFC 2069 form without nc and cnonce
     * @param nc     the nonce count as the client sent it (8 hex digits), with qop
     * @param cnonce the client nonce, with qop
     */
    public static String compute(DigestAlgorithm algorithm, String ha1, String nonce, String nc, String cnonce,
            String qop, String method, String digestUri) {
        String ha2 = algorithm.hash(method + ":" + digestUri);
        if (qop == null) {
            return algorithm.hash(ha1 + ":" + nonce + ":" + ha2);
        }
        return algorithm.hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
