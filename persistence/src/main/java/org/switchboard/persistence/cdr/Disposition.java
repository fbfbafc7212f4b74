package org.switchboard.persistence.cdr;

/** How a call ended; stored by name. */
public enum Disposition {
    ANSWERED,
    BUSY,
    NO_ANSWER,
    CANCELLED,
    FAILED
}
