package org.switchboard.application.account;

import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountRepository;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.persistence.account.DeletionRequest;
import org.switchboard.persistence.account.DeletionRequestRepository;
import org.switchboard.persistence.account.DeletionState;
import org.switchboard.persistence.account.SipCredentialRepository;
import org.switchboard.persistence.account.VoicemailSettingsRepository;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.persistence.audit.AuditRepository;
import org.switchboard.persistence.billing.PurchaseRepository;
import org.switchboard.persistence.cdr.CdrRepository;
import org.switchboard.persistence.messaging.OfflineMessageRepository;
import org.switchboard.persistence.presence.PresenceLogRepository;
import org.switchboard.persistence.trace.TraceRepository;
import org.switchboard.application.voicemail.VoicemailEraser;
import org.switchboard.persistence.voicemail.VoicemailRepository;

/**
 * The steps of deleting one account, each its own transaction so that a crash between them leaves
 * a state the next run can finish: the request stays PROCESSING until {@link #finish} commits, every
 * step deletes only what is still there, and finish is the one place where the request is closed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AccountErasureSteps {

    /** What is left of a closed account with purchases, recorded on its request. */
    static final String CLOSED_OUTCOME = "account closed; money records kept until seven years after the last purchase";

    @Inject
    DeletionRequestRepository requests;
    @Inject
    AccountRepository accounts;
    @Inject
    SipCredentialRepository credentials;
    @Inject
    VoicemailSettingsRepository voicemailSettings;
    @Inject
    TraceRepository traces;
    @Inject
    CdrRepository cdrs;
    @Inject
    VoicemailRepository voicemails;
    @Inject
    VoicemailEraser voicemailEraser;
    @Inject
    OfflineMessageRepository offlineMessages;
    @Inject
    PresenceLogRepository presenceLogs;
    @Inject
    PurchaseRepository purchases;
    @Inject
    AuditRepository audit;
    @Inject
    RegistrarCredentialCache credentialCache;

    public List<Long> due(Instant requestedBy) {
        return requests.due(requestedBy).stream().map(DeletionRequest::getId).toList();
    }

    /**
     * Marks the request PROCESSING and closes the account, so it can no longer register or call while
     * its data goes. Empty when another run already finished it.
     */
    public Optional<ErasureTarget> start(long requestId) {
        Optional<DeletionRequest> found = requests.findById(requestId).filter(r -> r.getState() != DeletionState.DONE);
        found.ifPresent(request -> {
            request.markProcessing();
            request.getAccount().setStatus(AccountStatus.CLOSED);
            credentialCache.forget(request.getAccount());
        });
        return found.map(r -> new ErasureTarget(r.getId(), r.getAccount().getId(), r.getAccount().getSipUser()));
    }

    /** @return rows deleted; fewer than {@code limit} means this kind is done for the account */
    public int eraseBatch(AccountData kind, long accountId, int limit) {
        return switch (kind) {
            case TRACES -> traces.deleteForAccount(accountId, limit);
            case CDRS -> cdrs.deleteForAccount(accountId, limit);
            case VOICEMAILS -> voicemailEraser.erase(voicemails.storedFor(accountId, limit));
            case OFFLINE_MESSAGES -> offlineMessages.deleteForRecipient(accountId, limit);
            case PRESENCE_LOGS -> presenceLogs.deleteForAccount(accountId, limit);
        };
    }

    /**
     * Last step, once the data and the login are gone: without purchases the account row and its
     * requests go too; with purchases the row stays, stripped of personal data, for the money records.
     * The audit entry names the account by number only.
     *
     * @return true if the account was deleted, false if it was closed for its money records
     */
    public boolean finish(ErasureTarget target, String actor, Instant now) {
        credentials.deleteForAccount(target.accountId());
        voicemailSettings.deleteForAccount(target.accountId());
        String who = "account #" + target.accountId();
        if (purchases.hasPurchases(target.accountId())) {
            accounts.findById(target.accountId()).ifPresent(Account::closeAndErase);
            requests.findById(target.requestId()).ifPresent(r -> r.markDone(now, CLOSED_OUTCOME));
            audit.record(actor, "ACCOUNT_CLOSED", who, CLOSED_OUTCOME);
            return false;
        }
        requests.deleteForAccounts(List.of(target.accountId()));
        accounts.deleteByIds(List.of(target.accountId()));
        audit.record(actor, "ACCOUNT_DELETED", who, "account and all its data deleted");
        return true;
    }
}
