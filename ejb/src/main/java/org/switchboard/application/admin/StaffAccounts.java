package org.switchboard.application.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.application.portal.NotFoundException;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountRepository;

/**
 * How the staff services find the account a page or API call names (the SIP user in the local domain),
 * inside the caller's transaction. Only the {@code @RolesAllowed} services of this package use it.
 */
@ApplicationScoped
public class StaffAccounts {

    @Inject
    AccountRepository accounts;

    @Inject
    SwitchboardSettings settings;

    /** @throws NotFoundException if the SIP user has no account */
    public Account named(String sipUser) {
        if (sipUser == null || sipUser.isBlank()) {
            throw new NotFoundException("Account");
        }
        return accounts.findBySipUser(sipUser.trim(), settings.sipDomain()).orElseThrow(() -> new NotFoundException("Account"));
    }

    /** The registrar's key for the account (LocationService.aor). */
    public static String aor(Account account) {
        return "sip:" + account.getSipUser() + "@" + account.getSipDomain().toLowerCase(java.util.Locale.ROOT);
    }
}
