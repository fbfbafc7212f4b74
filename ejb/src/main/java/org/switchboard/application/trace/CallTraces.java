package org.switchboard.application.trace;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.switchboard.application.admin.Staff;
import org.switchboard.application.cdr.CallRow;
import org.switchboard.application.portal.NotFoundException;
import org.switchboard.application.portal.Subscribers;
import org.switchboard.persistence.cdr.CallDetailRecord;
import org.switchboard.persistence.cdr.CdrRepository;
import org.switchboard.persistence.retention.RetentionSettingsRepository;
import org.switchboard.persistence.trace.TraceRepository;
import org.switchboard.persistence.trace.TracedCall;

/**
 * A subscriber's session traces: the calls within the trace window (retention_settings.trace_days)
 * and the messages of one of them. Only messages whose from/to account is the login's are read,
 * so another account's Call-ID finds nothing and gives {@link NotFoundException}.
 */
@Stateless
@PermitAll
public class CallTraces {

    @Inject
    Subscribers subscribers;

    @Inject
    TraceRepository traces;

    @Inject
    CdrRepository cdrs;

    @Inject
    RetentionSettingsRepository retention;

    @Inject
    Clock clock;

    public List<TracedCallRow> calls(String login, int first, int max) {
        return callsOfAccount(subscribers.currentId(login), first, max);
    }

    public long count(String login) {
        return countOfAccount(subscribers.currentId(login));
    }

    /** The call's messages in time order, or {@link NotFoundException} when none is the login's. */
    public List<TraceLine> trace(String login, String callId) {
        return traceOfAccount(subscribers.currentId(login), callId);
    }

    /**
     * Any account's traced calls, for support staff only (the admin console's account view, through
     * {@link org.switchboard.application.admin.AccountInspection}, which audits it).
     */
    @RolesAllowed(Staff.SUPPORT)
    public List<TracedCallRow> callsOfAccount(long accountId, int first, int max) {
        List<TracedCall> page = traces.callsForAccount(accountId, windowStart(), first, Math.min(max, 500));
        Map<String, CallDetailRecord> records = cdrs.findByCallIds(accountId, page.stream().map(TracedCall::callId).toList())
                .stream().collect(Collectors.toMap(CallDetailRecord::getCallId, Function.identity(), (a, b) -> a));
        return page.stream().map(call -> row(call, records.get(call.callId()), accountId)).toList();
    }

    @RolesAllowed(Staff.SUPPORT)
    public long countOfAccount(long accountId) {
        return traces.countCallsForAccount(accountId, windowStart());
    }

    /** A call of the account's (staff only), or {@link NotFoundException} when none of its messages is the account's. */
    @RolesAllowed(Staff.SUPPORT)
    public List<TraceLine> traceOfAccount(long accountId, String callId) {
        List<TraceLine> lines = traces.findByCallId(callId, accountId).stream().map(TraceLine::of).toList();
        if (lines.isEmpty()) {
            throw new NotFoundException("Call");
        }
        return lines;
    }

    public int windowDays() {
        return retention.get().getTraceDays();
    }

    private Instant windowStart() {
        return clock.instant().minus(Duration.ofDays(windowDays()));
    }

    private static TracedCallRow row(TracedCall call, CallDetailRecord cdr, long accountId) {
        if (cdr == null) {
            return new TracedCallRow(call.callId(), call.firstMessageAt(), call.messageCount(), "", "", "in progress");
        }
        boolean outgoing = cdr.getCallerAccount() != null && cdr.getCallerAccount().getId() == accountId;
        String result = CallRow.result(cdr.getDisposition().name(), cdr.getFailureCode());
        return new TracedCallRow(call.callId(), call.firstMessageAt(), call.messageCount(),
                outgoing ? cdr.getCalleeUri() : cdr.getCallerUri(), outgoing ? "OUT" : "IN", result);
    }
}
