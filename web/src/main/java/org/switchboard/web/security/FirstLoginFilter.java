package org.switchboard.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.switchboard.application.account.KeycloakLogins;
import org.switchboard.application.signup.FirstLoginRefusedException;
import org.switchboard.application.signup.SignUps;

/**
 * A subscriber login's first request opens its SIP account (sign-up made the login only;
 * {@link SignUps#openAtFirstLogin}). Looked up once per session; staff logins (no subscriber role)
 * never get an account. A login whose name breaks the SIP user name rules gets a page saying why
 * (the API: 403 with the reason).
 */
@WebFilter(urlPatterns = "/*")
public class FirstLoginFilter extends HttpFilter {

    static final String REFUSED_PAGE = "/error/sign-up-refused.xhtml";
    static final String REFUSAL = "switchboard.firstLoginRefusal";
    private static final String OPENED = FirstLoginFilter.class.getName() + ".opened";

    @Inject
    SignUps signUps;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPaths.of(request);
        if (request.getUserPrincipal() == null || !request.isUserInRole(KeycloakLogins.SUBSCRIBER_ROLE)
                || RequestPaths.alwaysOpen(path)) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession();
        if (session.getAttribute(OPENED) == null) {
            try {
                signUps.openAtFirstLogin(request.getUserPrincipal().getName());
                session.setAttribute(OPENED, Boolean.TRUE);
            } catch (FirstLoginRefusedException e) {
                refuse(request, response, path, e.getMessage());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String path, String reason)
            throws IOException, ServletException {
        if (RequestPaths.api(path)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write(jakarta.json.Json.createObjectBuilder().add("message", reason).build().toString());
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.setAttribute(REFUSAL, reason);
        request.getRequestDispatcher(REFUSED_PAGE).forward(request, response);
    }
}
