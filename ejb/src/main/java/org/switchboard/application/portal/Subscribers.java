package org.switchboard.application.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.application.account.AccountNotFoundException;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountRepository;
import org.switchboard.persistence.account.DeletionRequestRepository;

/**
 * The one way the portal's services find whose data to read: from the login (the OIDC principal's
 * username), never from anything in the request. Every per-subscriber query then takes this
 * account's id in its WHERE clause.
 */
@ApplicationScoped
public class Subscribers {

    @Inject
    AccountRepository accounts;

    @Inject
    DeletionRequestRepository deletionRequests;

    @Inject
    SwitchboardSettings settings;

    /**
     * The signed-in subscriber's account, called inside the caller's transaction.
     *
     * @throws AccountNotFoundException if the login has no SIP account (e.g. support staff)
     * @throws AccountDisabledException if the account asked to be deleted
     */
    public Account current(String login) {
        Account account = accounts.findBySipUser(login, settings.sipDomain()).orElseThrow(AccountNotFoundException::new);
        if (deletionRequests.openFor(account.getId()).isPresent()) {
            throw new AccountDisabledException();
        }
        return account;
    }

    public long currentId(String login) {
        return current(login).getId();
    }
}
