package org.switchboard.application.account;

/** The kinds of a subscriber's data that account deletion removes in batches, before the account itself. */
enum AccountData {
    TRACES,
    CDRS,
    VOICEMAILS,
    OFFLINE_MESSAGES,
    PRESENCE_LOGS
}
