package org.switchboard.sip.proxy;

import javax.sip.ClientTransaction;
import javax.sip.address.URI;
import javax.sip.message.Response;

/** One forwarded copy of a request (RFC 3261 section 16.6) and what came back on it. */
final class Branch {

    final URI target;
    final ClientTransaction transaction;
    /** Highest provisional status seen (0 none): a CANCEL may only go once one has come (16.10). */
    int provisional;
    Response finalResponse;
    boolean cancelWanted;
    boolean cancelSent;

    Branch(URI target, ClientTransaction transaction) {
        this.target = target;
        this.transaction = transaction;
    }

    boolean isPending() {
        return finalResponse == null;
    }
}
