package org.switchboard.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.switchboard.web.calls.PagedModel;
import org.switchboard.application.admin.AuditLine;
import org.switchboard.application.admin.AuditTrail;
import org.switchboard.persistence.audit.AuditFilter;
import org.switchboard.web.portal.Notices;

/**
 * The audit log (admin/audit.xhtml): filtered by staff member, account, action and days, paged in
 * the database, with the API's CSV of the same filter. Read only: the console offers no way to change it.
 */
@Named
@ViewScoped
public class AuditLogView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail trail;

    private String actor;
    private String account;
    private String action;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<AuditLine> entries = new PagedModel<>(
            (first, max) -> trail.page(filter(), first, max),
            () -> trail.count(filter()), row -> Long.toString(row.id()));

    /** The form's filter; the "to" day is included. */
    AuditFilter filter() {
        return new AuditFilter(actor, action, account, from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public void search() {
        Notices.checkDayRange("filter:from", from, to);
    }

    public String getCsvUrl() {
        AuditFilter f = filter();
        StringBuilder url = new StringBuilder("../api/v1/admin/audit?format=csv");
        param(url, "actor", f.actor());
        param(url, "account", f.target());
        param(url, "action", f.action());
        param(url, "from", f.from() == null ? null : f.from().toString());
        param(url, "to", f.to() == null ? null : f.to().toString());
        return url.toString();
    }

    private static void param(StringBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.append('&').append(name).append('=').append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
        }
    }

    public LazyDataModel<AuditLine> getEntries() {
        return entries;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
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
}
