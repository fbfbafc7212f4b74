package org.switchboard.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.application.retention.InvalidRetentionSettingsException;
import org.switchboard.application.retention.RetentionAlreadyRunningException;
import org.switchboard.application.retention.RetentionPolicy;
import org.switchboard.application.retention.RetentionReport;
import org.switchboard.application.retention.RetentionService;

/**
 * The admin console's retention panel: the policy in force (editable, validated by {@link RetentionPolicy}),
 * the next nightly run, and "Run retention now".
 */
@Named
@RequestScoped
public class RetentionAdminView {

    private static final Logger LOG = Logger.getLogger(RetentionAdminView.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z").withZone(ZoneId.systemDefault());

    @Inject
    RetentionService retention;

    @Inject
    HttpServletRequest request;

    // The form's fields, filled from the policy in force; on a post JSF overwrites them with what was typed.
    private Integer traceDays;
    private Integer cdrMonths;
    private Integer offlineMessageDays;
    private Integer presenceDays;
    private Integer voicemailDays;
    private Integer moneyYears;
    private Integer runHour;
    private Integer runMinute;

    @PostConstruct
    void load() {
        RetentionPolicy policy = retention.currentPolicy();
        traceDays = policy.traceDays();
        cdrMonths = policy.cdrMonths();
        offlineMessageDays = policy.offlineMessageDays();
        presenceDays = policy.presenceDays();
        voicemailDays = policy.voicemailDays();
        moneyYears = policy.moneyYears();
        runHour = policy.runHour();
        runMinute = policy.runMinute();
    }

    /** Saves the windows and the nightly time; an invalid value is refused with the policy's own words. */
    public void save() {
        if (!request.isUserInRole("support")) {
            show(FacesMessage.SEVERITY_ERROR, "Only support staff may change retention.");
            return;
        }
        try {
            RetentionPolicy policy = new RetentionPolicy(traceDays, cdrMonths, offlineMessageDays, presenceDays,
                    voicemailDays, moneyYears, runHour, runMinute);
            retention.update(policy, request.getUserPrincipal().getName());
            show(FacesMessage.SEVERITY_INFO, "Retention settings saved. Next nightly run: " + getNextRun() + ".");
        } catch (InvalidRetentionSettingsException e) {
            show(FacesMessage.SEVERITY_ERROR, "Not saved. " + e.getMessage());
        }
    }

    public String getNextRun() {
        return retention.nextScheduledRun().map(WHEN::format).orElse("not scheduled");
    }

    /** Runs retention as the signed-in staff member, who is the actor in the audit log. */
    public void runNow() {
        // web.xml already limits /admin to support; checked again because this deletes data.
        if (!request.isUserInRole("support")) {
            show(FacesMessage.SEVERITY_ERROR, "Only support staff may run retention.");
            return;
        }
        try {
            RetentionReport report = retention.runNow(request.getUserPrincipal().getName());
            show(report.failed() ? FacesMessage.SEVERITY_WARN : FacesMessage.SEVERITY_INFO,
                    "Retention run done: " + report.summary());
        } catch (RetentionAlreadyRunningException e) {
            show(FacesMessage.SEVERITY_WARN, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Retention run from the admin console failed", e);
            show(FacesMessage.SEVERITY_ERROR, "The retention run failed; the server log says why.");
        }
    }

    public Integer getTraceDays() {
        return traceDays;
    }

    public void setTraceDays(Integer traceDays) {
        this.traceDays = traceDays;
    }

    public Integer getCdrMonths() {
        return cdrMonths;
    }

    public void setCdrMonths(Integer cdrMonths) {
        this.cdrMonths = cdrMonths;
    }

    public Integer getOfflineMessageDays() {
        return offlineMessageDays;
    }

    public void setOfflineMessageDays(Integer offlineMessageDays) {
        this.offlineMessageDays = offlineMessageDays;
    }

    public Integer getPresenceDays() {
        return presenceDays;
    }

    public void setPresenceDays(Integer presenceDays) {
        this.presenceDays = presenceDays;
    }

    public Integer getVoicemailDays() {
        return voicemailDays;
    }

    public void setVoicemailDays(Integer voicemailDays) {
        this.voicemailDays = voicemailDays;
    }

    public Integer getMoneyYears() {
        return moneyYears;
    }

    public void setMoneyYears(Integer moneyYears) {
        this.moneyYears = moneyYears;
    }

    public Integer getRunHour() {
        return runHour;
    }

    public void setRunHour(Integer runHour) {
        this.runHour = runHour;
    }

    public Integer getRunMinute() {
        return runMinute;
    }

    public void setRunMinute(Integer runMinute) {
        this.runMinute = runMinute;
    }

    private static void show(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
