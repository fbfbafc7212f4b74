package org.switchboard.application.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.application.portal.Subscribers;
import org.switchboard.persistence.account.Account;

/**
 * The subscriber's display name and email, edited on the Account page. The display name is ours
 * alone (the portal and the account list show it). The email is also the Keycloak login's: Keycloak
 * sends its mails (verification, password reset) there and the sign-in reads it from there, so
 * it is changed in Keycloak first, marked not verified, and kept in our account only once
 * Keycloak took it (duplicate emails are refused there).
 */
@Stateless
public class AccountContacts {

    private static final Logger LOG = Logger.getLogger(AccountContacts.class.getName());

    @Inject
    Subscribers subscribers;

    @Inject
    KeycloakLogins logins;

    /** @throws ContactRefusedException naming each field refused and why */
    public AccountSummary change(String login, String displayName, String email) {
        Account account = subscribers.current(login);
        String name = displayName == null ? "" : displayName.trim();
        String address = email == null ? "" : email.trim();
        Map<ContactRefusedException.Field, String> problems = new EnumMap<>(ContactRefusedException.Field.class);
        ContactRules.nameProblem(name, ContactRules.MAX_NAME_LENGTH).ifPresent(p -> problems.put(ContactRefusedException.Field.DISPLAY_NAME, p));
        ContactRules.emailProblem(address).ifPresent(p -> problems.put(ContactRefusedException.Field.EMAIL, p));
        if (!problems.isEmpty()) {
            throw new ContactRefusedException(problems);
        }
        if (!address.equalsIgnoreCase(account.getEmail() == null ? "" : account.getEmail())) {
            try {
                logins.changeEmail(login, address);
            } catch (LoginTakenException e) {
                throw new ContactRefusedException(Map.of(ContactRefusedException.Field.EMAIL, "This email belongs to another account."));
            } catch (LoginRefusedException e) {
                throw new ContactRefusedException(Map.of(ContactRefusedException.Field.EMAIL, e.getMessage()));
            } catch (LoginDirectoryException e) {
                LOG.log(Level.WARNING, "Email change failed: " + e.getMessage(), e);
                throw new ContactRefusedException(Map.of(ContactRefusedException.Field.EMAIL,
                        "The email cannot be changed at the moment. Please try again later."));
            }
        }
        account.setDisplayName(name);
        account.setEmail(address);
        return AccountSummary.of(account);
    }
}
