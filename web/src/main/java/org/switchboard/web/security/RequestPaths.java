package org.switchboard.web.security;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request goes inside the portal, for the filters that decide what a login may reach. */
final class RequestPaths {

    private RequestPaths() {
    }

    /** The path below the context, e.g. {@code /history.xhtml} or {@code /api/v1/me}. */
    static String of(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /** Styles, scripts, the error pages and logging out: reachable whatever the state of the account. */
    static boolean alwaysOpen(String path) {
        return path.equals("/logout") || path.startsWith("/jakarta.faces.resource/") || path.startsWith("/error/");
    }

    static boolean api(String path) {
        return path.startsWith("/api/");
    }
}
