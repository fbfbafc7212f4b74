package org.switchboard.application.account;

import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountStatus;

import java.time.Instant;

/** What the portal shows of an account: read-only, detached from the persistence context. */
public record AccountSummary(long id, String sipUri, String displayName, String email, AccountStatus status, Instant createdAt) {

    public static AccountSummary of(Account account) {
        return new AccountSummary(account.getId(), account.sipUri(), account.getDisplayName(), account.getEmail(),
                account.getStatus(), account.getCreatedAt());
    }
}
