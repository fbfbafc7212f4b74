package org.switchboard.application.retention;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.persistence.account.AccountRepository;
import org.switchboard.persistence.account.DeletionRequestRepository;
import org.switchboard.persistence.billing.PurchaseRepository;
import org.switchboard.persistence.cdr.CdrRepository;
import org.switchboard.persistence.messaging.OfflineMessageRepository;
import org.switchboard.persistence.presence.PresenceLogRepository;
import org.switchboard.persistence.trace.TraceRepository;
import org.switchboard.application.voicemail.VoicemailEraser;
import org.switchboard.persistence.voicemail.VoicemailRepository;

/**
 * One batch of one purge, each in its own transaction: a crash loses at most the batch in progress,
 * and every committed batch stays done, so the next run simply carries on.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RetentionBatches {

    @Inject
    TraceRepository traces;
    @Inject
    CdrRepository cdrs;
    @Inject
    OfflineMessageRepository offlineMessages;
    @Inject
    PresenceLogRepository presenceLogs;
    @Inject
    VoicemailRepository voicemails;
    @Inject
    VoicemailEraser voicemailEraser;
    @Inject
    PurchaseRepository purchases;
    @Inject
    AccountRepository accounts;
    @Inject
    DeletionRequestRepository deletionRequests;

    /** @return rows deleted; fewer than {@code limit} means this kind is done */
    public int purge(PurgeKind kind, RetentionPolicy.Cutoffs cutoffs, int limit) {
        return switch (kind) {
            case TRACES -> traces.deleteOlderThan(cutoffs.traces(), limit);
            case CDRS -> cdrs.deleteStartedBefore(cutoffs.cdrs(), limit);
            case OFFLINE_MESSAGES -> offlineMessages.deleteExpired(cutoffs.offlineMessagesExpiredBy(), limit);
            case PRESENCE_LOGS -> presenceLogs.deleteOlderThan(cutoffs.presenceLogs(), limit);
            case VOICEMAILS -> voicemailEraser.erase(voicemails.receivedBefore(cutoffs.voicemails(), limit));
            case MONEY_RECORDS -> purchases.deletePurchasedBefore(cutoffs.moneyRecords(), limit);
            case CLOSED_ACCOUNTS -> deleteClosedAccounts(limit);
        };
    }

    /** Accounts closed with money records, now that the last of them has been purged. */
    private int deleteClosedAccounts(int limit) {
        List<Long> ids = accounts.erasedWithoutMoneyRecords(limit);
        deletionRequests.deleteForAccounts(ids);
        return accounts.deleteByIds(ids);
    }
}
