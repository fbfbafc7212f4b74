package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The portal's security headers (SecurityHeadersFilter), on a page reachable without a login. */
@ExtendWith(RunningService.class)
class PortalHeadersIT {

    @Test
    void pagesCarryCspFramingAndReferrerHeadersAndNoHstsOverHttp() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(RunningService.portal() + "error/403.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"), csp);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(page.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS only over HTTPS");
    }
}
