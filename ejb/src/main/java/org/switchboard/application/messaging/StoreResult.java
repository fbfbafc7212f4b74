package org.switchboard.application.messaging;

/** What became of a message given to {@link MessageStoreQueue#submit}; only {@link #STORED} is committed. */
public enum StoreResult {
    /** Committed: the sender may be told 202 Accepted. */
    STORED,
    /** No such local user (404). */
    UNKNOWN_RECIPIENT,
    /** The recipient's account is blocked (403); a closed one is unknown. */
    RECIPIENT_BLOCKED,
    /** The recipient holds the configured maximum already. */
    RECIPIENT_FULL,
    /** Not tried: too many messages wait for their commit already (503 with Retry-After). */
    STORE_BUSY
}
