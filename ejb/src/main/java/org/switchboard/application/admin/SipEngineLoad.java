package org.switchboard.application.admin;

/**
 * What the admin dashboard reads of the SIP engine's own counters: implemented in sip-app (which
 * depends on this module, never the other way round); absent when no SIP engine is deployed.
 */
public interface SipEngineLoad {

    /** Call attempts started and not yet ended (ringing or answered). */
    int callsInProgress();

    /** Requests answered 503 because the engine was overloaded, since it started. */
    long overloadRejections();
}
