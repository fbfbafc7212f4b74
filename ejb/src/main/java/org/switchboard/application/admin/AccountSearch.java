package org.switchboard.application.admin;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.application.account.AccountSummary;
import org.switchboard.persistence.account.AccountRepository;
import org.switchboard.persistence.audit.AuditRepository;

/**
 * Support staff's account search: by SIP address, email or display name (any part), or an IP address
 * seen in CDRs (which accounts called from this address?), paged in the database. A search shows
 * names and addresses, so each page read is audited with what was searched for.
 */
@Stateless
@RolesAllowed(Staff.SUPPORT)
public class AccountSearch {

    @Inject
    AccountRepository accounts;

    @Inject
    AuditRepository audit;

    @Resource
    SessionContext session;

    public List<AccountSummary> search(String text, int first, int max) {
        String q = text == null ? "" : text.trim();
        audit.record(session.getCallerPrincipal().getName(), "ACCOUNTS_SEARCHED", null, "q=" + q + " first=" + first);
        return accounts.search(q, first, Math.min(max, 500)).stream().map(AccountSummary::of).toList();
    }

    public long count(String text) {
        return accounts.countSearch(text);
    }
}
