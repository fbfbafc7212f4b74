package org.switchboard.application.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Account deletion's login directory: Keycloak, through its admin REST API ({@link KeycloakLogins}). */
@ApplicationScoped
public class KeycloakLoginDirectory implements LoginDirectory {

    @Inject
    KeycloakLogins logins;

    @Override
    public void deleteLogin(String login) {
        logins.delete(login);
    }
}
