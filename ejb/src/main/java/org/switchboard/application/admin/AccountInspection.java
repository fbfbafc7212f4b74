package org.switchboard.application.admin;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.switchboard.application.account.AccountSummary;
import org.switchboard.application.cdr.CallHistory;
import org.switchboard.application.cdr.CallRow;
import org.switchboard.application.device.DeviceDirectory;
import org.switchboard.application.trace.CallTraces;
import org.switchboard.application.trace.TraceLine;
import org.switchboard.application.trace.TracedCallRow;
import org.switchboard.application.voicemail.VoicemailChoices;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.DeletionRequest;
import org.switchboard.persistence.account.DeletionRequestRepository;
import org.switchboard.persistence.account.VoicemailSettingsRepository;
import org.switchboard.persistence.audit.AuditRepository;
import org.switchboard.persistence.billing.PurchaseRepository;
import org.switchboard.persistence.cdr.CdrFilter;
import org.switchboard.persistence.cdr.CdrSort;
import org.switchboard.persistence.messaging.OfflineMessageRepository;

/**
 * The account view for troubleshooting: the same call history and trace ladder a subscriber has
 * ({@link CallHistory}, {@link CallTraces}, by account id), for any account. Every read of another
 * account's data leaves an audit entry: who (the caller principal, never a parameter), which account
 * (by number), what, and when.
 */
@Stateless
@RolesAllowed(Staff.SUPPORT)
public class AccountInspection {

    @Inject
    StaffAccounts staffAccounts;

    @Inject
    AuditRepository audit;

    @EJB
    CallHistory history;

    @EJB
    CallTraces traces;

    @Inject
    Instance<DeviceDirectory> devices;

    @Inject
    OfflineMessageRepository messages;

    @Inject
    VoicemailSettingsRepository voicemail;

    @Inject
    PurchaseRepository purchases;

    @Inject
    DeletionRequestRepository deletions;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** The account view: audited as ACCOUNT_VIEWED. */
    public AccountDetails open(String sipUser) {
        Account account = staffAccounts.named(sipUser);
        long id = account.getId();
        audited(id, "ACCOUNT_VIEWED", "status, devices, messages waiting, voicemail settings");
        OfflineMessageRepository.Waiting waiting = messages.waitingFor(id, clock.instant());
        VoicemailChoices choices = voicemail.findByAccount(id)
                .map(s -> new VoicemailChoices(s.isEnabled(), s.isSendByEmail(), s.isStoreOnServer()))
                .orElse(new VoicemailChoices(false, false, false));
        return new AccountDetails(AccountSummary.of(account),
                devices.isResolvable() ? devices.get().registered(StaffAccounts.aor(account)) : List.of(),
                waiting.count(), waiting.oldest(), choices, purchases.findByAccount(id).size(),
                deletions.openFor(id).map(DeletionRequest::getRequestedAt).orElse(null));
    }

    /** A page of the account's call history (CDRs): audited as CDRS_VIEWED. */
    public List<CallRow> callHistory(String sipUser, CdrFilter filter, CdrSort sort, boolean ascending, int first, int max) {
        long id = staffAccounts.named(sipUser).getId();
        audited(id, "CDRS_VIEWED", "from " + filter.from() + " to " + filter.to() + ", rows from " + first);
        return history.pageOfAccount(id, filter, sort, ascending, first, max);
    }

    public long callHistoryCount(String sipUser, CdrFilter filter) {
        return history.countOfAccount(staffAccounts.named(sipUser).getId(), filter);
    }

    /** A page of the account's traced calls: audited as TRACES_LISTED. */
    public List<TracedCallRow> tracedCalls(String sipUser, int first, int max) {
        long id = staffAccounts.named(sipUser).getId();
        audited(id, "TRACES_LISTED", "rows from " + first);
        return traces.callsOfAccount(id, first, max);
    }

    public long tracedCallCount(String sipUser) {
        return traces.countOfAccount(staffAccounts.named(sipUser).getId());
    }

    /** One call's messages of the account's: audited as TRACE_VIEWED with the Call-ID. */
    public List<TraceLine> trace(String sipUser, String callId) {
        long id = staffAccounts.named(sipUser).getId();
        audited(id, "TRACE_VIEWED", "Call-ID " + callId);
        return traces.traceOfAccount(id, callId);
    }

    public int traceWindowDays() {
        return traces.windowDays();
    }

    private void audited(long accountId, String action, String what) {
        audit.record(session.getCallerPrincipal().getName(), action, Staff.target(accountId), what);
    }
}
