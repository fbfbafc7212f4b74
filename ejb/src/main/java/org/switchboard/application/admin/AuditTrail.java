package org.switchboard.application.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.persistence.account.AccountRepository;
import org.switchboard.persistence.audit.AuditEntry;
import org.switchboard.persistence.audit.AuditFilter;
import org.switchboard.persistence.audit.AuditRepository;

/**
 * The audit log for support staff: filtered by staff member, account, action and time, paged in the
 * database, exported as CSV in chunks. There is deliberately no method that edits or deletes an entry;
 * the retention run keeps the log.
 */
@Stateless
@RolesAllowed(Staff.SUPPORT)
public class AuditTrail {

    private static final int EXPORT_CHUNK = 1000;

    @Inject
    AuditRepository audit;

    @Inject
    AccountRepository accounts;

    @Inject
    SwitchboardSettings settings;

    public List<AuditLine> page(AuditFilter filter, int first, int max) {
        return audit.search(resolved(filter), first, Math.min(max, 500)).stream().map(AuditTrail::line).toList();
    }

    public long count(AuditFilter filter) {
        return audit.count(resolved(filter));
    }

    /** Every entry of the filter, newest first, read 1,000 at a time. */
    public void export(AuditFilter filter, Consumer<AuditLine> sink) {
        AuditFilter query = resolved(filter);
        for (int first = 0; ; first += EXPORT_CHUNK) {
            List<AuditEntry> chunk = audit.search(query, first, EXPORT_CHUNK);
            chunk.stream().map(AuditTrail::line).forEach(sink);
            if (chunk.size() < EXPORT_CHUNK) {
                return;
            }
        }
    }

    /** Entries name accounts by number: a SIP user (alice, sip:alice@localhost) is turned into "account #N". */
    private AuditFilter resolved(AuditFilter filter) {
        String account = filter.target();
        if (account == null || account.isBlank() || account.trim().startsWith("account #")) {
            return filter;
        }
        String user = account.trim().replaceFirst("^sips?:", "").replaceFirst("@.*$", "");
        String target = accounts.findBySipUser(user, settings.sipDomain()).map(a -> Staff.target(a.getId())).orElse(account.trim());
        return new AuditFilter(filter.actor(), filter.action(), target, filter.from(), filter.to());
    }

    private static AuditLine line(AuditEntry e) {
        return new AuditLine(e.getId(), e.getAt(), e.getActor(), e.getAction(), e.getTarget(), e.getDetail());
    }
}
