package org.switchboard.sip.proxy;

import javax.sip.ClientTransaction;
import javax.sip.address.URI;
import javax.sip.message.Response;

/**
 * One forwarded copy of a request (RFC 3261 section 16.6) and what came back on it. A CANCEL may
 * only go once a provisional response came (16.10, 9.1): until then it is wanted, and the first
 * provisional sends it.
 */
final class Branch {

    final URI target;
    final ClientTransaction transaction;
    /** Highest provisional status seen (0 none). */
    private int provisional;
    private Response finalResponse;
    private int finalStatus;
    private boolean cancelWanted;
    private boolean cancelSent;

    Branch(URI target, ClientTransaction transaction) {
        this.target = target;
        this.transaction = transaction;
    }

    boolean isPending() {
        return finalStatus == 0;
    }

    /** A provisional response came; true when a CANCEL wanted before it must go now. */
    boolean provisional(int status) {
        provisional = Math.max(provisional, status);
        return cancelWanted && !cancelSent;
    }

    void finalResponse(Response response, int status) {
        finalResponse = response;
        finalStatus = status;
    }

    Response finalResponse() {
        return finalResponse;
    }

    int finalStatus() {
        return finalStatus;
    }

    /** Cancel wanted: true when it may go now (a provisional came), else it waits for one. Only pending branches. */
    boolean cancelRequested() {
        if (!isPending() || cancelSent) {
            return false;
        }
        if (provisional > 0) {
            return true;
        }
        cancelWanted = true;
        return false;
    }

    /** Whether we cancelled it (its 487 is then ours, not the callee's refusal). */
    boolean cancelSent() {
        return cancelSent;
    }

    /** Marks the CANCEL sent; false when it already was (a branch is cancelled once). */
    boolean markCancelSent() {
        if (cancelSent) {
            return false;
        }
        cancelSent = true;
        return true;
    }
}
