package org.switchboard.sip.cdr;

import java.time.Instant;
import org.switchboard.application.cdr.CallRecord;
import org.switchboard.persistence.cdr.Disposition;

/**
 * What the proxy learns about one call attempt while it runs (one initial INVITE), turned into a
 * {@link CallRecord} when it ends. Changed from SIP threads, hence synchronized; {@link #finish}
 * returns a record only the first time, so a call is written once however it ends.
 */
public final class CallAttempt {

    private final String callId;
    private final String callerUser;
    private final String calleeUser;
    private final String callerUri;
    private final String calleeUri;
    private final Instant start;
    private final String callerSignaling;
    private final String callerMedia;
    private final String callerUserAgent;
    private Instant answer;
    private String calleeSignaling;
    private String calleeMedia;
    private String calleeUserAgent;
    private boolean cancelled;
    private boolean finished;
    private boolean voicemail;
    private java.time.Duration recorded;
    private Instant endedAt;

    CallAttempt(String callId, String callerUser, String calleeUser, String callerUri, String calleeUri, Instant start,
            String callerSignaling, String callerMedia, String callerUserAgent) {
        this.callId = callId;
        this.callerUser = callerUser;
        this.calleeUser = calleeUser;
        this.callerUri = callerUri;
        this.calleeUri = calleeUri;
        this.start = start;
        this.callerSignaling = callerSignaling;
        this.callerMedia = callerMedia;
        this.callerUserAgent = callerUserAgent;
    }

    public String callId() {
        return callId;
    }

    /** The first 2xx: the callee side is the branch that answered. */
    synchronized boolean answered(Instant at, String signaling, String media, String userAgent) {
        if (answer != null || finished) {
            return false;
        }
        answer = at;
        calleeSignaling = signaling;
        calleeMedia = media;
        calleeUserAgent = userAgent;
        return true;
    }

    synchronized boolean isAnswered() {
        return answer != null;
    }

    /** The caller sent CANCEL: the final answer (487) then means "cancelled", not "failed". */
    synchronized void cancelledByCaller() {
        cancelled = true;
    }

    /** Where the callee's answer came from, when a failure still tells us (e.g. the busy phone). */
    synchronized void calleeSeen(String signaling, String userAgent) {
        if (answer == null) {
            calleeSignaling = signaling;
            calleeUserAgent = userAgent;
        }
    }

    /** The proxy sent the call to the callee's voicemail: if it answers, the call is VOICEMAIL. */
    synchronized void divertedToVoicemail() {
        voicemail = true;
    }

    /**
     * The voicemail's recording ended with this length. Returns when the call ended, if its BYE
     * came first (the record waits for the length), else null.
     */
    synchronized Instant recorded(java.time.Duration length) {
        recorded = length;
        return endedAt;
    }

    /**
     * The call's BYE: true when the record can be written now, false when it waits for the
     * voicemail's recording length (answered by voicemail, recording still running).
     */
    synchronized boolean endedAt(Instant at) {
        if (voicemail && recorded == null) {
            endedAt = at;
            return false;
        }
        return true;
    }

    /**
     * Ends the attempt: {@code status} 0 for a normal end of an answered call (BYE, or the
     * maximum duration), else the final status of an unanswered one. Null once already finished.
     */
    synchronized CallRecord finish(Instant end, int status) {
        if (finished) {
            return null;
        }
        finished = true;
        Disposition disposition;
        Integer code = null;
        Integer recordedSeconds = null;
        if (answer != null && voicemail) {
            disposition = Disposition.VOICEMAIL;
            recordedSeconds = recorded == null ? 0 : (int) Math.round(recorded.toMillis() / 1000.0);
        } else if (answer != null) {
            disposition = Disposition.ANSWERED;
        } else {
            code = status;
            disposition = dispositionOf(status, cancelled);
        }
        return new CallRecord(callId, callerUser, calleeUser, callerUri, calleeUri, start, answer, end, disposition, code,
                callerSignaling, calleeSignaling, callerMedia, calleeMedia, callerUserAgent, calleeUserAgent, recordedSeconds);
    }

    static Disposition dispositionOf(int status, boolean cancelledByCaller) {
        if (cancelledByCaller && status == 487) {
            return Disposition.CANCELLED;
        }
        return switch (status) {
            case 486, 600, 603 -> Disposition.BUSY;
            case 408, 480 -> Disposition.NO_ANSWER;
            default -> Disposition.FAILED;
        };
    }
}
