package org.switchboard.application.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import org.switchboard.application.portal.Subscribers;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.SipCredential;
import org.switchboard.persistence.account.SipCredentialRepository;

/**
 * Sets a subscriber's SIP password, separate from the web password (which Keycloak keeps): only
 * the two digest HA1 hashes are stored ({@link SipCredential#changePassword}), never the password.
 */
@Stateless
public class SipPasswords {

    @Inject
    Subscribers subscribers;

    @Inject
    SipCredentialRepository credentials;

    @Inject
    Clock clock;

    @Inject
    RegistrarCredentialCache credentialCache;

    /** @throws WeakPasswordException if the password fails the strength rule */
    public void change(String login, String newPassword) {
        Account account = subscribers.current(login);
        PasswordStrength.problem(newPassword, account.getSipUser()).ifPresent(problem -> {
            throw new WeakPasswordException(problem);
        });
        credentials.findByAccount(account.getId()).ifPresentOrElse(
                credential -> credential.changePassword(newPassword, clock.instant()),
                () -> credentials.save(SipCredential.forPassword(account, newPassword, clock.instant())));
        credentialCache.forget(account);
    }
}
