package org.switchboard.web.admin;

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
import org.switchboard.retention.RetentionAlreadyRunningException;
import org.switchboard.retention.RetentionPolicy;
import org.switchboard.retention.RetentionReport;
import org.switchboard.retention.RetentionService;

/** The admin console's retention panel: the policy in force, the next nightly run, and "Run retention now". */
@Named
@RequestScoped
public class RetentionAdminView {

    private static final Logger LOG = Logger.getLogger(RetentionAdminView.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z").withZone(ZoneId.systemDefault());

    @Inject
    RetentionService retention;

    @Inject
    HttpServletRequest request;

    private RetentionPolicy policy;

    public RetentionPolicy getPolicy() {
        if (policy == null) {
            policy = retention.currentPolicy();
        }
        return policy;
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

    private static void show(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
