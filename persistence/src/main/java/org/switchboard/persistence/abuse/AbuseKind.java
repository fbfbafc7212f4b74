package org.switchboard.persistence.abuse;

/** Which residential limit an account went over; stored by name. */
public enum AbuseKind {
    /** More calls at once than allowed. */
    CONCURRENT_CALLS,
    /** More new calls in the window than allowed. */
    CALL_RATE,
    /** Registered from more distinct networks at once than allowed. */
    LOCATIONS
}
