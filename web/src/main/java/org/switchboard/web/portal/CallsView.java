package org.switchboard.web.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.switchboard.application.trace.CallTraces;
import org.switchboard.application.trace.TracedCallRow;
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

    private final LazyDataModel<TracedCallRow> calls = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, traces.count(login.name()));
        }

        @Override
        public List<TracedCallRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return traces.calls(login.name(), first, pageSize);
        }

        @Override
        public String getRowKey(TracedCallRow row) {
            return row.callId();
        }
    };

    public LazyDataModel<TracedCallRow> getCalls() {
        return calls;
    }

    public int getWindowDays() {
        return traces.windowDays();
    }
}
