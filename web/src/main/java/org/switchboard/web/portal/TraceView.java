package org.switchboard.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.switchboard.application.portal.NotFoundException;
import org.switchboard.application.trace.CallTraces;
import org.switchboard.web.security.CurrentLogin;
import org.switchboard.web.trace.LadderView;

/** One call's ladder diagram and messages; a Call-ID that is not the subscriber's answers 404. */
@Named
@RequestScoped
public class TraceView extends LadderView {

    @Inject
    CallTraces traces;

    @Inject
    CurrentLogin login;

    private String callId;

    /** f:viewAction: reads the trace once the Call-ID parameter is set. */
    public void load() {
        if (callId == null || callId.isBlank()) {
            Notices.notFound();
            return;
        }
        try {
            lines = traces.trace(login.name(), callId);
        } catch (NotFoundException e) {
            Notices.notFound();
        }
    }

    public String getDownloadUrl() {
        return "api/v1/me/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8).replace("+", "%20") + "/trace";
    }

    public String getCallId() {
        return callId;
    }

    public void setCallId(String callId) {
        this.callId = callId;
    }
}
