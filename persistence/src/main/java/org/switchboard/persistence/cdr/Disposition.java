package org.switchboard.persistence.cdr;

/** How a call ended; stored by name. */
public enum Disposition {
    ANSWERED,
    BUSY,
    NO_ANSWER,
    CANCELLED,
    FAILED,
    /** Diverted to the callee's voicemail, which answered (the duration is the recording's). */
    VOICEMAIL
}
