package org.switchboard.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak's admin REST API as the bootstrap admin of the test Keycloak (admin / admin, set by the
 * run command), to look users up in realm switchboard and to put a demo user back for a re-run.
 */
final class KeycloakAdmin {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    KeycloakAdmin(int port) throws IOException, InterruptedException {
        base = "http://localhost:" + port;
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new AssertionError("no admin token from Keycloak: " + response.statusCode() + " " + response.body());
        }
        token = m.group(1);
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/admin/realms/switchboard" + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    Optional<String> userId(String username) throws IOException, InterruptedException {
        HttpResponse<String> found = send("GET", "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
        if (found.statusCode() != 200) {
            throw new AssertionError("user search answered " + found.statusCode());
        }
        Matcher m = ID.matcher(found.body());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether the user may sign in (a blocked account's login is disabled). */
    boolean userEnabled(String id) throws IOException, InterruptedException {
        String user = send("GET", "/users/" + id, null).body();
        return !user.replace(" ", "").contains("\"enabled\":false");
    }

    /** The login's email as Keycloak has it. */
    String userEmail(String username) throws IOException, InterruptedException {
        String body = send("GET", "/users/" + userId(username).orElseThrow(), null).body();
        Matcher m = EMAIL.matcher(body);
        return m.find() ? m.group(1) : "";
    }

    int userStatus(String id) throws IOException, InterruptedException {
        return send("GET", "/users/" + id, null).statusCode();
    }

    /** Creates a subscriber login with a password, unless it exists (a re-run keeps Keycloak's data). */
    void ensureSubscriber(String username, String password) throws IOException, InterruptedException {
        if (userId(username).isPresent()) {
            return;
        }
        String user = "{\"username\":\"" + username + "\",\"enabled\":true,\"email\":\"" + username + "@localhost\","
                + "\"emailVerified\":true,\"firstName\":\"Demo\",\"lastName\":\"User\","
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}]}";
        int created = send("POST", "/users", user).statusCode();
        if (created != 201) {
            throw new AssertionError("could not create " + username + ": " + created);
        }
        String role = send("GET", "/roles/subscriber", null).body();
        send("POST", "/users/" + userId(username).orElseThrow() + "/role-mappings/realm", "[" + role + "]");
    }
}
