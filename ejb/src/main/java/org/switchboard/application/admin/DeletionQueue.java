package org.switchboard.application.admin;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.DeletionRequest;
import org.switchboard.persistence.account.DeletionRequestRepository;
import org.switchboard.persistence.audit.AuditRepository;
import org.switchboard.persistence.billing.PurchaseRepository;

/**
 * The deletion requests with their state and outcome, and the money records an account keeps (the
 * seven-year rule). Reading an account's money records (name, billing address) is audited.
 */
@Stateless
@RolesAllowed(Staff.SUPPORT)
public class DeletionQueue {

    @Inject
    DeletionRequestRepository deletions;

    @Inject
    PurchaseRepository purchases;

    @Inject
    StaffAccounts staffAccounts;

    @Inject
    AuditRepository audit;

    @Resource
    SessionContext session;

    public List<DeletionLine> page(int first, int max) {
        return deletions.page(first, Math.min(max, 500)).stream().map(this::line).toList();
    }

    public long count() {
        return deletions.count();
    }

    /** The account's purchases, newest first: audited as MONEY_RECORDS_VIEWED. */
    public List<MoneyRecord> moneyRecords(String sipUser) {
        Account account = staffAccounts.named(sipUser);
        audit.record(session.getCallerPrincipal().getName(), "MONEY_RECORDS_VIEWED", Staff.target(account.getId()), null);
        return purchases.findByAccount(account.getId()).stream()
                .map(p -> new MoneyRecord(p.getId(), p.getAmount(), p.getCurrency(), p.getPurchasedAt(), p.getFullName(),
                        p.getBillingAddress()))
                .toList();
    }

    private DeletionLine line(DeletionRequest r) {
        Account a = r.getAccount();
        return new DeletionLine(r.getId(), a.getId(), a.sipUri(), a.getStatus().name(), r.getRequestedAt(), r.getState().name(),
                r.getProcessedAt(), r.getOutcome(), purchases.findByAccount(a.getId()).size());
    }
}
