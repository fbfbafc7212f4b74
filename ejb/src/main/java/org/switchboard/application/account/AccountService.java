package org.switchboard.application.account;

import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountRepository;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.persistence.account.DeletionRequest;
import org.switchboard.persistence.account.DeletionRequestRepository;
import org.switchboard.persistence.account.SipCredential;
import org.switchboard.persistence.account.SipCredentialRepository;
import org.switchboard.persistence.account.VoicemailSettings;
import org.switchboard.persistence.account.VoicemailSettingsRepository;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.switchboard.persistence.audit.AuditRepository;
import org.switchboard.application.admin.Staff;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * Local subscriber accounts. A login (the Keycloak username) names the SIP user of the same
 * name in the service's SIP domain; SIP passwords are turned into digest HA1 hashes here and
 * never stored or logged in clear.
 */
@Stateless
@PermitAll
public class AccountService {

    @Resource
    SessionContext sessionContext;

    @Inject
    AccountRepository accounts;

    @Inject
    SipCredentialRepository credentials;

    @Inject
    VoicemailSettingsRepository voicemailSettings;

    @Inject
    DeletionRequestRepository deletionRequests;

    @Inject
    AuditRepository audit;

    @Inject
    SwitchboardSettings settings;

    @Inject
    Clock clock;

    @Inject
    RegistrarCredentialCache credentialCache;

    /** The account of the given login in the local domain, if it has one. */
    public Optional<AccountSummary> findByLogin(String login) {
        return accounts.findBySipUser(login, settings.sipDomain()).map(AccountSummary::of);
    }

    /**
     * Whether the SIP user has an account in the local domain (the proxy's 404 versus 480). In a
     * container transaction like every method here (JTA has no read-only flag): read-only in effect,
     * a scalar query that loads no entity, so nothing is ever flushed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean hasAccount(String sipUser) {
        return accounts.existsBySipUser(sipUser, settings.sipDomain());
    }

    /**
     * Opens an account with its SIP credentials (HA1 for MD5 and SHA-256 over the local domain
     * as realm) and voicemail settings (on, sent by email, not kept on the server).
     *
     * @throws AccountExistsException if the SIP user is taken (the unique key backs this up under races)
     */
    public AccountSummary open(String sipUser, String displayName, String email, String sipPassword) {
        Account account = openWithoutPassword(sipUser, displayName, email);
        credentials.save(SipCredential.forPassword(account, sipPassword, account.getCreatedAt()));
        return AccountSummary.of(account);
    }

    /**
     * Opens an account with its voicemail settings (on, sent by email, not kept on the server) but
     * no SIP credentials yet: a subscriber who signed up sets the SIP password on the Account page,
     * and until then the registrar and the proxy refuse the account's phones.
     *
     * @throws AccountExistsException if the SIP user is taken (the unique key backs this up under races)
     */
    public AccountSummary provision(String sipUser, String displayName, String email) {
        return AccountSummary.of(openWithoutPassword(sipUser, displayName, email));
    }

    private Account openWithoutPassword(String sipUser, String displayName, String email) {
        if (accounts.findBySipUser(sipUser, settings.sipDomain()).isPresent()) {
            throw new AccountExistsException("sip:" + sipUser + "@" + settings.sipDomain());
        }
        Account account = accounts.save(new Account(sipUser, settings.sipDomain(), displayName, email, clock.instant()));
        voicemailSettings.save(new VoicemailSettings(account, true, true, false));
        credentialCache.forget(account); // the SIP engine may have cached "no such account" for this name
        return account;
    }

    /**
     * Asks for the login's account to be deleted; the retention run processes it after the grace
     * period (switchboard.account.deletion-grace-hours). Asking again while a request is open changes
     * nothing. The audit entry names the account by number only, so it can outlive the account.
     *
     * @return when the open request was made
     * @throws AccountNotFoundException if the login has no account
     */
    public Instant requestDeletion(String login) {
        Account account = accounts.findBySipUser(login, settings.sipDomain()).orElseThrow(AccountNotFoundException::new);
        return queueDeletion(account, "subscriber");
    }

    private Instant queueDeletion(Account account, String actor) {
        Optional<DeletionRequest> open = deletionRequests.openFor(account.getId());
        if (open.isPresent()) {
            return open.get().getRequestedAt();
        }
        DeletionRequest request = deletionRequests.save(new DeletionRequest(account, clock.instant()));
        audit.record(actor, "DELETION_REQUESTED", "account #" + account.getId(), null);
        return request.getRequestedAt();
    }

    /**
     * "Delete my account" on the portal: the subscriber confirms by typing their SIP address. The
     * request is queued for the retention run, and the account is disabled at once: blocked for SIP
     * (the registrar and proxy refuse it; its cached credentials are forgotten) and, as the request
     * is open, no longer served by the portal and the API ({@code Subscribers}).
     *
     * @throws DeletionNotConfirmedException if the typed address is not the account's
     */
    public Instant requestDeletion(String login, String typedSipAddress) {
        Account account = accounts.findBySipUser(login, settings.sipDomain()).orElseThrow(AccountNotFoundException::new);
        String typed = typedSipAddress == null ? "" : typedSipAddress.trim();
        if (!typed.equalsIgnoreCase(account.sipUri()) && !typed.equalsIgnoreCase(account.sipUri().substring(4))) {
            throw new DeletionNotConfirmedException(account.sipUri());
        }
        Instant requestedAt = queueDeletion(account, "subscriber");
        disable(account);
        return requestedAt;
    }

    /**
     * Support staff ask for the account's deletion on the subscriber's behalf: queued and disabled at once
     * as by "Delete my account"; the staff login is the audit entry's actor.
     */
    @RolesAllowed(Staff.SUPPORT)
    public Instant requestDeletionOnBehalf(Account account) {
        Instant requestedAt = queueDeletion(account, sessionContext.getCallerPrincipal().getName());
        disable(account);
        return requestedAt;
    }

    private void disable(Account account) {
        if (account.getStatus() == AccountStatus.ACTIVE) {
            account.setStatus(AccountStatus.BLOCKED);
        }
        credentialCache.forget(account);
    }

    /** When the login's open deletion request was made, if there is one. */
    public Optional<Instant> pendingDeletion(String login) {
        return accounts.findBySipUser(login, settings.sipDomain())
                .flatMap(account -> deletionRequests.openFor(account.getId()))
                .map(DeletionRequest::getRequestedAt);
    }

    public Map<AccountStatus, Long> countByStatus() {
        Map<AccountStatus, Long> counts = new EnumMap<>(AccountStatus.class);
        for (AccountStatus status : AccountStatus.values()) {
            counts.put(status, accounts.countByStatus(status));
        }
        return counts;
    }
}
