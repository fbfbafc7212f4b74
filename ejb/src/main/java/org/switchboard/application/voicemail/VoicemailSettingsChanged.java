package org.switchboard.application.voicemail;

/**
 * A CDI event: an account's voicemail settings changed (fired inside the transaction that changed
 * them). The SIP side's cache of callee policies observes it after success and forgets the account.
 */
public record VoicemailSettingsChanged(long accountId) {
}
