package org.switchboard.application.trace;

import java.util.Locale;
import java.util.Set;

/**
 * The data policy on signalling: session establishment (INVITE, BYE, CANCEL, PRACK, ACK and their
 * replies) is kept for troubleshooting; REGISTER, SUBSCRIBE/NOTIFY, OPTIONS and MESSAGE never are.
 * Decided on the transaction's CSeq method, so replies follow their request.
 */
public final class TracePolicy {

    private static final Set<String> KEPT = Set.of("INVITE", "BYE", "CANCEL", "PRACK", "ACK");

    private TracePolicy() {
    }

    public static boolean keeps(String cseqMethod) {
        return cseqMethod != null && KEPT.contains(cseqMethod.toUpperCase(Locale.ROOT));
    }
}
