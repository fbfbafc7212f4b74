package org.switchboard.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.switchboard.web.calls.PagedModel;
import org.switchboard.application.admin.DeletionLine;
import org.switchboard.application.admin.DeletionQueue;
import org.switchboard.application.admin.MoneyRecord;
import org.switchboard.application.portal.NotFoundException;
import org.switchboard.web.portal.Notices;

/**
 * Deletion requests (admin/deletions.xhtml): the queue with state and outcome, paged; with ?user=…
 * the money records that account keeps for the seven-year rule (reading them is audited).
 */
@Named
@ViewScoped
public class DeletionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeletionQueue queue;

    private String user;
    private List<MoneyRecord> moneyRecords = List.of();

    private final LazyDataModel<DeletionLine> requests = new PagedModel<>(
            (first, max) -> queue.page(first, max),
            () -> queue.count(), row -> Long.toString(row.id()));

    /** f:viewAction: the money records of the account named by ?user=, if one is. */
    public void load() {
        if (user == null || user.isBlank()) {
            return;
        }
        try {
            moneyRecords = queue.moneyRecords(user);
        } catch (NotFoundException e) {
            Notices.error("No account sip:" + user + ".");
        }
    }

    public LazyDataModel<DeletionLine> getRequests() {
        return requests;
    }

    public List<MoneyRecord> getMoneyRecords() {
        return moneyRecords;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }
}
