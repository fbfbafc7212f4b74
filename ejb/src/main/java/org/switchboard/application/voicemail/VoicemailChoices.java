package org.switchboard.application.voicemail;

/** A subscriber's voicemail settings as the portal and the API show and accept them. */
public record VoicemailChoices(boolean enabled, boolean sendByEmail, boolean storeOnServer) {
}
