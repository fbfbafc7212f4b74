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
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.switchboard.application.cdr.CallHistory;
import org.switchboard.application.cdr.CallRow;
import org.switchboard.persistence.cdr.CallsPerDay;
import org.switchboard.persistence.cdr.CdrFilter;
import org.switchboard.persistence.cdr.CdrSort;
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

    private final LazyDataModel<CallRow> calls = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, history.count(login.name(), filter()));
        }

        @Override
        public List<CallRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            CdrSort sort = CdrSort.START;
            boolean ascending = false;
            for (SortMeta meta : sortBy.values()) {
                sort = switch (meta.getField()) {
                    case "durationSeconds" -> CdrSort.DURATION;
                    case "disposition" -> CdrSort.DISPOSITION;
                    default -> CdrSort.START;
                };
                ascending = meta.getOrder() == SortOrder.ASCENDING;
            }
            return history.page(login.name(), filter(), sort, ascending, first, pageSize);
        }

        @Override
        public String getRowKey(CallRow row) {
            return Long.toString(row.id());
        }
    };

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
        if (from != null && to != null && from.isAfter(to)) {
            Notices.fieldError("filter:from", "The first day must not be after the last day.");
        }
    }

    /** The API's CSV of the filtered set (same filter, the whole set rather than one page). */
    public String getCsvUrl() {
        return "api/v1/me/cdrs?format=csv&from=" + filter().from() + "&to=" + filter().to()
                + (peer == null || peer.isBlank() ? "" : "&peer=" + URLEncoder.encode(peer.trim(), StandardCharsets.UTF_8));
    }

    /** Calls per day this month as a small SVG bar chart (no script needed, readable at 360 px). */
    public String getChart() {
        List<CallsPerDay> days = usage.days();
        int daysInMonth = usage.month().lengthOfMonth();
        long max = Math.max(1, days.stream().mapToLong(CallsPerDay::calls).max().orElse(1));
        int barWidth = 10;
        int height = 80;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sb-chart\" role=\"img\" aria-label=\"Calls per day in ")
                .append(usage.month()).append("\" viewBox=\"0 0 ").append(daysInMonth * barWidth).append(' ').append(height + 14)
                .append("\">");
        for (CallsPerDay day : days) {
            int x = (day.day().getDayOfMonth() - 1) * barWidth;
            long h = Math.max(2, day.calls() * height / max);
            svg.append("<rect x=\"").append(x + 1).append("\" y=\"").append(height - h).append("\" width=\"").append(barWidth - 2)
                    .append("\" height=\"").append(h).append("\"><title>").append(day.day()).append(": ").append(day.calls())
                    .append(" calls</title></rect>");
        }
        for (int d = 1; d <= daysInMonth; d += 7) {
            svg.append("<text x=\"").append((d - 1) * barWidth).append("\" y=\"").append(height + 12).append("\">").append(d)
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
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
