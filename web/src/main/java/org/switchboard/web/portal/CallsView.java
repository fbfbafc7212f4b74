package org.switchboard.web.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;
import org.switchboard.application.trace.CallTraces;
import org.switchboard.application.trace.TracedCallRow;
import org.switchboard.web.calls.PagedModel;
import org.switchboard.web.security.CurrentLogin;

/** Calls: the subscriber's calls with session traces within the trace window, paged in the database. */
@Named
@ViewScoped
public class CallsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CallTraces traces;

    @Inject
    CurrentLogin login;

    private final LazyDataModel<TracedCallRow> calls = new PagedModel<>(
            (first, max) -> traces.calls(login.name(), first, max), () -> traces.count(login.name()), TracedCallRow::callId);

    public LazyDataModel<TracedCallRow> getCalls() {
        return calls;
    }

    public int getWindowDays() {
        return traces.windowDays();
    }
}
