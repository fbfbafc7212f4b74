package org.switchboard.sip.event;

import javax.sip.address.URI;

/**
 * Told what happens on the SIP path: every message received or sent (with the addresses on the
 * wire), and the life of each call attempt the proxy handles (one initial INVITE). Session traces
 * and CDRs are observers; voicemail diversion, message delivery and abuse counters can be more.
 *
 * <p>To add one: an {@code @ApplicationScoped} bean implementing this interface, overriding what
 * it needs. {@link SipEvents} finds it. Methods run on the SIP threads, in the order of the wire
 * (a message is reported just before it is sent): they must not block (queue, don't write) and
 * should not throw; {@link SipEvents} catches what they throw so the call goes on regardless.
 */
public interface SipObserver {

    /** Observes nothing (for tests and for code built without observers). */
    SipObserver NONE = new SipObserver() {
    };

    /** A request came in (ACKs included, from the stack's message log; retransmissions the stack absorbs are not). */
    default void requestReceived(SipMessageEvent event) {
    }

    /** A request went out: forwarded by the proxy, a CANCEL of a branch, an ACK. */
    default void requestSent(SipMessageEvent event) {
    }

    /** A response came in from a branch we forwarded to. */
    default void responseReceived(SipMessageEvent event) {
    }

    /** A response went out: our own answer, or one forwarded upstream. */
    default void responseSent(SipMessageEvent event) {
    }

    /** An initial INVITE is being proxied: the call attempt starts now. */
    default void callStarted(String callId, URI caller, URI callee, CallSide callerSide) {
    }

    /** A branch answered 2xx first: the call is answered (later 2xx are not reported). */
    default void callAnswered(String callId, CallSide calleeSide) {
    }

    /** A branch answered a final non-2xx; the call may still be answered by another branch. */
    default void calleeRefused(String callId, int status, CallSide calleeSide) {
    }

    /** The caller sent CANCEL (the 487 that follows means "cancelled", not "failed"). */
    default void callCancelled(String callId) {
    }

    /** The final non-2xx answer went to the caller: an unanswered attempt ends with it. */
    default void callFailed(String callId, int status) {
    }

    /** A BYE from either side: an answered call ends now. */
    default void callEnded(String callId) {
    }

    /**
     * The registrar added a contact for this local user (a REGISTER with Expires > 0 for a contact
     * it did not have): the user's phone is back (stored messages go out).
     */
    default void contactRegistered(String user, String contactUri) {
    }

    /** The proxy sends the call to the callee's voicemail (no phone, all busy, or no answer in time). */
    default void callDiverted(String callId) {
    }

    /** The voicemail's recording of this call ended; {@code length} zero when nothing was kept. */
    default void voicemailRecorded(String callId, java.time.Duration length) {
    }

    /**
     * Whether this observer has queued more than it will write soon. While any has, the engine
     * refuses new calls and registrations with 503 ({@code engine.OverloadGate}) rather than let the
     * queue grow. Asked once per overload interval (a tenth of a second), from a SIP thread.
     */
    default boolean behind() {
        return false;
    }
}
