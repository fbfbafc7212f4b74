package org.switchboard.application.abuse;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.switchboard.application.account.RegistrarCredentialCache;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.persistence.abuse.AbuseFlagRepository;
import org.switchboard.persistence.abuse.AbuseKind;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountRepository;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.persistence.audit.AuditRepository;

/**
 * What the SIP path's abuse defence tells support: bans of addresses (audit entries) and accounts
 * over a residential limit (a flag, an audit entry, and, when {@code blockAfterFlags} open flags
 * have piled up, the account blocked). The SIP path calls the {@code @Asynchronous} methods and
 * never waits for the database. Support sees and clears flags through the admin console's staff
 * service ({@code admin.AbuseDesk}).
 */
@Stateless
public class AbuseRecords {

    /** The actor of the audit entries the SIP path's defence writes. */
    public static final String ACTOR = "abuse-defence";

    private static final Logger LOG = Logger.getLogger(AbuseRecords.class.getName());

    @Inject
    AbuseFlagRepository flags;

    @Inject
    AccountRepository accounts;

    @Inject
    AuditRepository audit;

    @Inject
    SwitchboardSettings settings;

    @Inject
    Clock clock;

    @Inject
    RegistrarCredentialCache credentialCache;

    /** An address was banned for {@code length}. */
    @Asynchronous
    public void addressBanned(String address, Duration length, String reason) {
        audit.record(ACTOR, "ADDRESS_BANNED", address, "for " + length.toSeconds() + " s: " + reason);
    }

    /**
     * Flags the local account {@code sipUser} and audits it; blocks it when it has {@code blockAfterFlags}
     * open flags or more (0: never).
     */
    @Asynchronous
    public void flag(String sipUser, AbuseKind kind, String detail, int blockAfterFlags) {
        Optional<Account> found = accounts.findBySipUser(sipUser, settings.sipDomain());
        if (found.isEmpty()) {
            LOG.fine(() -> "no account " + sipUser + " to flag");
            return;
        }
        Account account = found.get();
        flags.raise(account, kind, detail, clock.instant());
        audit.record(ACTOR, "ACCOUNT_FLAGGED", account.sipUri(), kind + ": " + detail);
        if (blockAfterFlags > 0 && account.getStatus() == AccountStatus.ACTIVE
                && flags.countOpen(account.getId()) >= blockAfterFlags) {
            account.setStatus(AccountStatus.BLOCKED);
            credentialCache.forget(account);
            audit.record(ACTOR, "ACCOUNT_BLOCKED", account.sipUri(), blockAfterFlags + " open abuse flags");
        }
    }
}
