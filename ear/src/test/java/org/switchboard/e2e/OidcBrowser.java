package org.switchboard.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal browser for the portal's OpenID Connect login: follows redirects itself and keeps
 * cookies per host. It sends every cookie back to localhost whatever its Secure flag, because
 * Keycloak marks its login cookies Secure even on http://localhost and a real browser treats
 * localhost as a secure context (java.net.CookieManager would drop them).
 */
final class OidcBrowser {

    private static final Pattern LOGIN_FORM =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();

    record Page(int status, URI uri, String body) {}

    Page get(String url) throws IOException, InterruptedException {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A GET with extra request headers (e.g. Accept), following redirects like {@link #get(String)}. */
    Page get(String url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return follow(request);
    }

    /** A PUT of a body (e.g. JSON), for the API; follows redirects like the others. */
    Page put(String url, String contentType, String body) throws IOException, InterruptedException {
        return follow(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a URL-encoded form (a JSF page's plain, non-Ajax submit) and follows the redirects. */
    Page post(String url, Map<String, String> fields) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(enc(name)).append('=').append(enc(value)));
        return follow(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Opens a portal URL, signs in at Keycloak's form with the given credentials, returns where it lands. */
    Page login(String portalUrl, String user, String password) throws IOException, InterruptedException {
        Page form = get(portalUrl);
        Matcher m = LOGIN_FORM.matcher(form.body());
        if (!m.find()) {
            throw new AssertionError("expected Keycloak's login form at " + form.uri() + " (status " + form.status() + ")");
        }
        String action = m.group(1).replace("&amp;", "&");
        String body = "username=" + enc(user) + "&password=" + enc(password) + "&credentialId=";
        return follow(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page follow(HttpRequest.Builder request) throws IOException, InterruptedException {
        for (int hop = 0; hop < 20; hop++) {
            HttpRequest built = withCookies(request).build();
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            keepCookies(built.uri(), response.headers().allValues("set-cookie"));
            int status = response.statusCode();
            if (status < 300 || status >= 400) {
                return new Page(status, built.uri(), response.body());
            }
            URI next = built.uri().resolve(response.headers().firstValue("location").orElseThrow());
            request = HttpRequest.newBuilder(next).GET();
        }
        throw new AssertionError("too many redirects");
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        HttpRequest peek = request.copy().build();
        Map<String, String> jar = cookies.get(peek.uri().getHost());
        if (jar != null && !jar.isEmpty()) {
            StringBuilder header = new StringBuilder();
            jar.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            request.setHeader("Cookie", header.toString());
        }
        return request.timeout(Duration.ofSeconds(30));
    }

    private void keepCookies(URI uri, List<String> setCookies) {
        Map<String, String> jar = cookies.computeIfAbsent(uri.getHost(), h -> new LinkedHashMap<>());
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
