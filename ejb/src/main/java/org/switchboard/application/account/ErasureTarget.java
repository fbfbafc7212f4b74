package org.switchboard.application.account;

/** A deletion request being processed: which account, and the login to delete at the identity provider. */
record ErasureTarget(long requestId, long accountId, String login) {
}
