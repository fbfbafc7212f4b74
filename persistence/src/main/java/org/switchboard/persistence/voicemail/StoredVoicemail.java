package org.switchboard.persistence.voicemail;

/** A voicemail about to be deleted: its id and the audio file it references (null when only mailed). */
public record StoredVoicemail(long id, String audioRef) {
}
