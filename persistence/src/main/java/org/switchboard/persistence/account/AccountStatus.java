package org.switchboard.persistence.account;

/** Lifecycle of a subscriber account; stored by name. */
public enum AccountStatus {
    /** May register and call. */
    ACTIVE,
    /** Suspended by staff; data kept. */
    BLOCKED,
    /** Closed by the subscriber or staff; kept until the deletion request is processed. */
    CLOSED
}
