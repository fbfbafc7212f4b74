package org.switchboard.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in user's login: the Keycloak username (oidc.json principal-attribute
 * preferred_username). The portal's pages and the API hand it to the services, which find the
 * account from it; no page or API call ever names an account itself.
 */
@RequestScoped
public class CurrentLogin {

    @Inject
    HttpServletRequest request;

    public String name() {
        return request.getUserPrincipal().getName();
    }
}
