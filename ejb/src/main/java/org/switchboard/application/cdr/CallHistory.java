package org.switchboard.application.cdr;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.switchboard.application.admin.Staff;
import org.switchboard.application.portal.NotFoundException;
import org.switchboard.application.portal.Subscribers;
import org.switchboard.persistence.cdr.CallsPerDay;
import org.switchboard.persistence.cdr.CdrFilter;
import org.switchboard.persistence.cdr.CdrRepository;
import org.switchboard.persistence.cdr.CdrSort;

/**
 * A subscriber's call history (CDRs): paged, sorted and filtered in the database, for the portal's
 * page and the /api/v1/me API alike. The account always comes from the login.
 */
@Stateless
@PermitAll
public class CallHistory {

    /** Rows read per query when exporting, so a large export never holds everything at once. */
    private static final int EXPORT_CHUNK = 1000;

    @Inject
    Subscribers subscribers;

    @Inject
    CdrRepository cdrs;

    @Inject
    Clock clock;

    public List<CallRow> page(String login, CdrFilter filter, CdrSort sort, boolean ascending, int first, int max) {
        return pageOfAccount(subscribers.currentId(login), filter, sort, ascending, first, max);
    }

    public long count(String login, CdrFilter filter) {
        return countOfAccount(subscribers.currentId(login), filter);
    }

    /**
     * Any account's history, for support staff only: the admin console's account view reaches it through
     * {@link org.switchboard.application.admin.AccountInspection}, which audits the view.
     */
    @RolesAllowed(Staff.SUPPORT)
    public List<CallRow> pageOfAccount(long accountId, CdrFilter filter, CdrSort sort, boolean ascending, int first, int max) {
        return cdrs.findForAccount(accountId, filter, sort, ascending, first, Math.min(max, 500)).stream()
                .map(c -> CallRow.of(c, accountId)).toList();
    }

    @RolesAllowed(Staff.SUPPORT)
    public long countOfAccount(long accountId, CdrFilter filter) {
        return cdrs.countForAccount(accountId, filter);
    }

    /** One call of the subscriber's; another account's id gives {@link NotFoundException}. */
    public CallRow find(String login, long cdrId) {
        long accountId = subscribers.currentId(login);
        return cdrs.findForAccount(cdrId, accountId).map(c -> CallRow.of(c, accountId))
                .orElseThrow(() -> new NotFoundException("Call record " + cdrId));
    }

    /** Every call of the filtered set, newest first, handed over in chunks read from the database. */
    public void export(String login, CdrFilter filter, Consumer<CallRow> sink) {
        long accountId = subscribers.currentId(login);
        for (int first = 0; ; first += EXPORT_CHUNK) {
            List<CallRow> chunk = cdrs.findForAccount(accountId, filter, CdrSort.START, false, first, EXPORT_CHUNK).stream()
                    .map(c -> CallRow.of(c, accountId)).toList();
            chunk.forEach(sink);
            if (chunk.size() < EXPORT_CHUNK) {
                return;
            }
        }
    }

    /** Calls per day (UTC) of the current month, and the minutes talked so far this month. */
    public MonthUsage thisMonth(String login) {
        long accountId = subscribers.currentId(login);
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<CallsPerDay> days = cdrs.callsPerDay(accountId, from, to);
        long seconds = days.stream().mapToLong(CallsPerDay::seconds).sum();
        return new MonthUsage(month, days, (seconds + 59) / 60);
    }

    public record MonthUsage(YearMonth month, List<CallsPerDay> days, long minutes) {
    }
}
