package org.switchboard.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.switchboard.web.config.WebSettings;

/**
 * Ends the portal session and the single sign-on session at Keycloak, then comes back to the
 * portal (which asks for a login again).
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    @Inject
    WebSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String portal = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/";
        String endSession = settings.oidcProviderUrl() + "/protocol/openid-connect/logout"
                + "?client_id=" + encode(settings.oidcClientId())
                + "&post_logout_redirect_uri=" + encode(portal);
        response.sendRedirect(endSession);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
