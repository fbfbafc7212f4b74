package org.switchboard.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.switchboard.application.account.AccountService;

/**
 * Once a subscriber has asked for their account to be deleted, the portal and the API stop serving
 * it at once (the retention run erases it later): pages lead to the notice page, the API answers 403.
 */
@WebFilter(urlPatterns = "/*")
public class DisabledAccountFilter extends HttpFilter {

    static final String NOTICE = "/account-deleted.xhtml";

    @Inject
    AccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPaths.of(request);
        if (request.getUserPrincipal() == null || isAlwaysOpen(path)
                || accounts.pendingDeletion(request.getUserPrincipal().getName()).isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (RequestPaths.api(path)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter().write("{\"message\":\"This account is being deleted.\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + NOTICE);
    }

    private static boolean isAlwaysOpen(String path) {
        return path.equals(NOTICE) || RequestPaths.alwaysOpen(path) || path.startsWith("/admin/");
    }
}
