package org.switchboard.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.switchboard.application.account.AccountContacts;
import org.switchboard.application.account.AccountService;
import org.switchboard.application.account.ContactRefusedException;
import org.switchboard.application.account.AccountSummary;
import org.switchboard.application.account.PasswordStrength;
import org.switchboard.application.account.PhoneSettings;
import org.switchboard.application.account.SipPasswords;
import org.switchboard.application.account.WeakPasswordException;
import org.switchboard.web.security.CurrentLogin;

/**
 * Account: the SIP address and contact details (display name and email, editable; the email is
 * the Keycloak login's too, see {@link AccountContacts}), the settings a phone needs, and the SIP
 * password.
 */
@Named
@RequestScoped
public class AccountView {

    @Inject
    AccountService accounts;

    @Inject
    SipPasswords sipPasswords;

    @Inject
    AccountContacts contacts;

    @Inject
    PhoneSettings phoneSettings;

    @Inject
    CurrentLogin login;

    private String displayName;
    private String email;
    private String newPassword;
    private String repeatPassword;
    private AccountSummary account;
    private PhoneSettings.Values phone;

    public AccountSummary getAccount() {
        if (account == null) {
            account = accounts.findByLogin(login.name()).orElse(null);
        }
        return account;
    }

    public PhoneSettings.Values getPhone() {
        if (phone == null) {
            phone = phoneSettings.current();
        }
        return phone;
    }

    public String getSipUser() {
        return login.name();
    }

    public int getMinPasswordLength() {
        return PasswordStrength.MIN_LENGTH;
    }

    public void changeContact() {
        try {
            account = contacts.change(login.name(), displayName, email);
            Notices.info("Contact details saved.");
        } catch (ContactRefusedException e) {
            e.problems().forEach((field, problem) -> Notices.fieldError(
                    field == ContactRefusedException.Field.EMAIL ? "contact:email" : "contact:display-name", problem));
        }
    }

    /** What the form shows: what was typed (after a refusal), else what the account has. */
    public String getDisplayName() {
        return displayName != null || getAccount() == null ? displayName : account.displayName();
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email != null || getAccount() == null ? email : account.email();
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public void changeSipPassword() {
        if (newPassword == null || !newPassword.equals(repeatPassword)) {
            Notices.fieldError("sip-password:repeat", "The two passwords differ.");
            return;
        }
        try {
            sipPasswords.change(login.name(), newPassword);
            Notices.info("SIP password changed. Enter it in your phones; the web password stays as it was.");
        } catch (WeakPasswordException e) {
            Notices.fieldError("sip-password:new-password", e.getMessage());
        }
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }
}
