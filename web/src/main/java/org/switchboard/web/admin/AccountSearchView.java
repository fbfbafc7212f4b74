package org.switchboard.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.LazyDataModel;
import org.switchboard.web.calls.PagedModel;
import org.switchboard.application.account.AccountSummary;
import org.switchboard.application.admin.AccountSearch;

/** Account search: SIP address, email, display name, or an IP address seen in CDRs; paged in the database. */
@Named
@ViewScoped
public class AccountSearchView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountSearch search;

    private String q = "";

    private final LazyDataModel<AccountSummary> results = new PagedModel<>(
            (first, max) -> search.search(q, first, max),
            () -> search.count(q), row -> Long.toString(row.id()));

    /** The SIP user of an address sip:user@domain, for the account view's link. */
    public String user(AccountSummary account) {
        String uri = account.sipUri();
        return uri.substring(4, uri.indexOf('@'));
    }

    public LazyDataModel<AccountSummary> getResults() {
        return results;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q == null ? "" : q;
    }
}
