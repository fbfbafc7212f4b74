package org.switchboard.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.switchboard.application.admin.AbuseDesk;
import org.switchboard.application.admin.AdminDashboard;
import org.switchboard.application.admin.DashboardFigures;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.web.chart.BarChart;

/** The admin console's dashboard (role support: web.xml, and the service's @RolesAllowed). */
@Named
@RequestScoped
public class AdminHomeView {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR_TITLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    AdminDashboard dashboard;

    @Inject
    AbuseDesk abuseDesk;

    private DashboardFigures figures;
    private AbuseCounts abuse;

    /** The abuse panel's two figures (-1 bans when no SIP engine runs here). */
    public record AbuseCounts(long bannedAddresses, long openFlags) {
    }

    @PostConstruct
    void load() {
        figures = dashboard.figures();
        abuse = new AbuseCounts(abuseDesk.engineDeployed() ? abuseDesk.bans().size() : -1, abuseDesk.openFlags().size());
    }

    public AbuseCounts getAbuse() {
        return abuse;
    }

    public DashboardFigures getFigures() {
        return figures;
    }

    /** A live figure of the SIP engine, or a dash when no engine is deployed (-1). */
    public String live(long value) {
        return value < 0 ? "–" : Long.toString(value);
    }

    /** Calls per hour over the last day (UTC), a label every six hours. */
    public String getChart() {
        List<BarChart.Bar> bars = figures.callsPerHour().stream()
                .map(h -> new BarChart.Bar(HOUR_TITLE.format(h.hour()) + ": " + h.calls() + " calls", h.calls(),
                        h.hour().atZone(ZoneOffset.UTC).getHour() % 6 == 0 ? HOUR.format(h.hour()) : null))
                .toList();
        return BarChart.svg("Calls per hour over the last day", bars);
    }

    public long getActive() {
        return figures.accounts().get(AccountStatus.ACTIVE);
    }

    public long getBlocked() {
        return figures.accounts().get(AccountStatus.BLOCKED);
    }

    public long getClosed() {
        return figures.accounts().get(AccountStatus.CLOSED);
    }
}
