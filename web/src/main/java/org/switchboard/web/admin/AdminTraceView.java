package org.switchboard.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.switchboard.application.admin.AccountInspection;
import org.switchboard.application.portal.NotFoundException;
import org.switchboard.web.portal.Notices;
import org.switchboard.web.trace.LadderView;

/** An account's call as a ladder diagram (admin/trace.xhtml?user=…&callId=…); the service audits the view. */
@Named
@RequestScoped
public class AdminTraceView extends LadderView {

    @Inject
    AccountInspection inspection;

    private String user;
    private String callId;

    public void load() {
        if (callId == null || callId.isBlank() || user == null || user.isBlank()) {
            Notices.notFound();
            return;
        }
        try {
            lines = inspection.trace(user, callId);
        } catch (NotFoundException e) {
            Notices.notFound();
        }
    }

    /** The admin API's text of the same trace (audited there too). */
    public String getDownloadUrl() {
        return "../api/v1/admin/accounts/" + encode(user) + "/calls/" + encode(callId) + "/trace";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getCallId() {
        return callId;
    }

    public void setCallId(String callId) {
        this.callId = callId;
    }
}
