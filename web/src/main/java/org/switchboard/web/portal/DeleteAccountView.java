package org.switchboard.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.switchboard.application.account.AccountService;
import org.switchboard.application.account.AccountSummary;
import org.switchboard.application.account.DeletionNotConfirmedException;
import org.switchboard.web.security.CurrentLogin;

/** "Delete my account": confirmed by typing the SIP address; the account is disabled at once. */
@Named
@RequestScoped
public class DeleteAccountView {

    @Inject
    AccountService accounts;

    @Inject
    CurrentLogin login;

    private String confirmation;
    private boolean requested;

    public String getSipAddress() {
        return accounts.findByLogin(login.name()).map(AccountSummary::sipUri).orElse("");
    }

    public void requestDeletion() {
        try {
            accounts.requestDeletion(login.name(), confirmation);
            requested = true;
        } catch (DeletionNotConfirmedException e) {
            Notices.fieldError("deletion-form:confirmation", e.getMessage());
        }
    }

    public boolean isRequested() {
        return requested;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
