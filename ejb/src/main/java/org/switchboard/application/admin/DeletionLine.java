package org.switchboard.application.admin;

import java.time.Instant;

/** A deletion request in the queue: the account (its address until erased), state and outcome, money records kept. */
public record DeletionLine(long id, long accountId, String account, String accountStatus, Instant requestedAt, String state,
                           Instant processedAt, String outcome, int moneyRecordsKept) {
}
