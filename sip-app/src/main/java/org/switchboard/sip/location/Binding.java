package org.switchboard.sip.location;

import java.io.Serializable;
import java.time.Instant;

/**
 * One registered contact of an address-of-record (RFC 3261 section 10.3), as the proxy needs it:
 * where to send (the Contact URI), where the REGISTER really came from (source address, port and
 * transport, for phones behind NAT whose Contact is a private address), preference, expiry, and the
 * Call-ID/CSeq that last changed it (to order REGISTERs).
 *
 * @param contactUri  the Contact URI as registered, e.g. {@code sip:alice@192.168.1.5:5060;transport=udp}
 * @param sourceHost  the address the REGISTER came from (RFC 3581 received)
 * @param sourcePort  the port it came from (RFC 3581 rport)
 * @param transport   UDP, TCP or TLS
 * @param q           preference 0.0 to 1.0 (1.0 when the Contact had no q)
 * @param expiresAt   when the binding lapses
 * @param callId      Call-ID of the REGISTER that made or refreshed it
 * @param cseq        CSeq number of that REGISTER
 * @param userAgent   the User-Agent header, if any (for the admin console), else empty
 */
public record Binding(String contactUri, String sourceHost, int sourcePort, String transport, float q,
        Instant expiresAt, String callId, long cseq, String userAgent) implements Serializable {

    /** Seconds left, never negative. */
    public long expiresIn(Instant now) {
        return Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
