package org.switchboard.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.primefaces.model.LazyDataModel;
import org.switchboard.application.cdr.CallHistory;
import org.switchboard.application.cdr.CallRow;
import org.switchboard.persistence.cdr.CallsPerDay;
import org.switchboard.persistence.cdr.CdrFilter;
import org.switchboard.web.calls.CallRowsModel;
import org.switchboard.web.chart.BarChart;
import org.switchboard.web.security.CurrentLogin;

/**
 * Call history: the subscriber's CDRs with a date range and a peer search, paged and sorted in the
 * database (a lazy table: only the rows of the page shown are read), the CSV export of the same
 * filter (the API's), and this month's calls per day and minutes.
 */
@Named
@ViewScoped
public class CallHistoryView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CallHistory history;

    @Inject
    CurrentLogin login;

    private LocalDate from = LocalDate.now(ZoneOffset.UTC).minusMonths(6);
    private LocalDate to = LocalDate.now(ZoneOffset.UTC);
    private String peer = "";
    private CallHistory.MonthUsage usage;

    private final LazyDataModel<CallRow> calls = new CallRowsModel(this::filter,
            (filter, sort, ascending, first, max) -> history.page(login.name(), filter, sort, ascending, first, max),
            filter -> history.count(login.name(), filter));

    @PostConstruct
    void load() {
        usage = history.thisMonth(login.name());
    }

    /** The filter of the form; the "to" day is included. */
    CdrFilter filter() {
        LocalDate end = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
        LocalDate start = from == null ? end.minusYears(1) : from;
        return new CdrFilter(start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), peer);
    }

    public void search() {
        Notices.checkDayRange("filter:from", from, to);
    }

    /** The API's CSV of the filtered set (same filter, the whole set rather than one page). */
    public String getCsvUrl() {
        return "api/v1/me/cdrs?format=csv&from=" + filter().from() + "&to=" + filter().to()
                + (peer == null || peer.isBlank() ? "" : "&peer=" + URLEncoder.encode(peer.trim(), StandardCharsets.UTF_8));
    }

    /** Calls per day this month as a small SVG bar chart, a label every seven days. */
    public String getChart() {
        Map<Integer, Long> perDay = new java.util.HashMap<>();
        usage.days().forEach(day -> perDay.put(day.day().getDayOfMonth(), day.calls()));
        List<BarChart.Bar> bars = new java.util.ArrayList<>();
        for (int d = 1; d <= usage.month().lengthOfMonth(); d++) {
            long calls = perDay.getOrDefault(d, 0L);
            bars.add(new BarChart.Bar(usage.month().atDay(d) + ": " + calls + " calls", calls, d % 7 == 1 ? Integer.toString(d) : null));
        }
        return BarChart.svg("Calls per day in " + usage.month(), bars);
    }

    public long getMinutesThisMonth() {
        return usage.minutes();
    }

    public long getCallsThisMonth() {
        return usage.days().stream().mapToLong(CallsPerDay::calls).sum();
    }

    public String getMonth() {
        return usage.month().toString();
    }

    public LazyDataModel<CallRow> getCalls() {
        return calls;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getPeer() {
        return peer;
    }

    public void setPeer(String peer) {
        this.peer = peer;
    }
}
