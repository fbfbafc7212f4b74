package org.switchboard.application.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The login directory of account deletion and blocking: Keycloak, through its admin REST API
 * ({@link KeycloakLogins}).
 */
@ApplicationScoped
public class KeycloakLoginDirectory implements LoginDirectory {

    @Inject
    KeycloakLogins logins;

    @Override
    public void deleteLogin(String login) {
        logins.delete(login);
    }

    @Override
    public void setEnabled(String login, boolean enabled) {
        logins.setEnabled(login, enabled);
    }
}
