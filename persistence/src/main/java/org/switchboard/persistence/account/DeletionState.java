package org.switchboard.persistence.account;

/** Progress of an account deletion request; stored by name. */
public enum DeletionState {
    PENDING,
    PROCESSING,
    DONE
}
