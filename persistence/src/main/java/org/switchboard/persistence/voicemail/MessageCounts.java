package org.switchboard.persistence.voicemail;

/** An account's voicemails: new (not yet heard) and old (heard), as RFC 3842's Voice-Message: new/old. */
public record MessageCounts(int unheard, int heard) {

    public boolean waiting() {
        return unheard > 0;
    }
}
