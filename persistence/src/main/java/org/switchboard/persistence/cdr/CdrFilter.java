package org.switchboard.persistence.cdr;

import java.time.Instant;
import java.util.Locale;

/**
 * What a subscriber asks of their call history: calls started in [from, to) and, optionally, a
 * peer (part of the other side's SIP URI, case-insensitive). The account is not part of it: the
 * repository takes it separately, from the login, so no filter can name another account.
 */
public record CdrFilter(Instant from, Instant to, String peer) {

    public CdrFilter {
        peer = peer == null || peer.isBlank() ? null : peer.trim().toLowerCase(Locale.ROOT);
    }

    boolean hasPeer() {
        return peer != null;
    }

    /** The peer as a LIKE pattern, with LIKE's own wildcards taken literally. */
    String peerPattern() {
        return "%" + peer.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
