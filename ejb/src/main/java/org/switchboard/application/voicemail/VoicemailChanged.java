package org.switchboard.application.voicemail;

/**
 * A CDI event: an account's voicemails changed (a new one, one heard, one deleted). Fired inside
 * the transaction that made the change; message waiting (RFC 3842) observes it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} and then reads the counts.
 */
public record VoicemailChanged(long accountId) {
}
