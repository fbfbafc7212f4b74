package org.switchboard.application.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * Deletes, disables and enables logins through Keycloak's admin REST API, as the confidential client
 * switchboard.keycloak.admin-client-id (a service account with realm-management manage-users and
 * view-users), using the JAX-RS client that WildFly provides.
 */
@ApplicationScoped
public class KeycloakLoginDirectory implements LoginDirectory {

    @Inject
    SwitchboardSettings settings;

    @Override
    public void deleteLogin(String login) {
        Client client = client();
        try {
            String bearer = "Bearer " + accessToken(client);
            String users = usersUrl();
            for (String id : userIds(client, users, bearer, login)) {
                try (Response deleted = client.target(users).path(id).request().header(HttpHeaders.AUTHORIZATION, bearer).delete()) {
                    // 404: deleted meanwhile (e.g. by a run that stopped before recording it).
                    if (deleted.getStatus() != 204 && deleted.getStatus() != 404) {
                        throw new LoginDirectoryException("Keycloak answered " + deleted.getStatus() + " to the user deletion");
                    }
                }
            }
        } catch (ProcessingException e) {
            throw new LoginDirectoryException("Keycloak could not be reached at " + settings.keycloakUrl(), e);
        } finally {
            client.close();
        }
    }

    @Override
    public void setEnabled(String login, boolean enabled) {
        Client client = client();
        try {
            String bearer = "Bearer " + accessToken(client);
            String users = usersUrl();
            for (String id : userIds(client, users, bearer, login)) {
                // A partial representation: Keycloak's PUT changes only the attributes it is given.
                try (Response updated = client.target(users).path(id).request().header(HttpHeaders.AUTHORIZATION, bearer)
                        .put(Entity.json("{\"enabled\":" + enabled + "}"))) {
                    if (updated.getStatus() != 204) {
                        throw new LoginDirectoryException("Keycloak answered " + updated.getStatus() + " to enabling or disabling the user");
                    }
                }
                if (!enabled) {
                    try (Response logout = client.target(users).path(id).path("logout").request()
                            .header(HttpHeaders.AUTHORIZATION, bearer).post(Entity.json("{}"))) {
                        if (logout.getStatus() != 204) {
                            throw new LoginDirectoryException("Keycloak answered " + logout.getStatus() + " to ending the user's sessions");
                        }
                    }
                }
            }
        } catch (ProcessingException e) {
            throw new LoginDirectoryException("Keycloak could not be reached at " + settings.keycloakUrl(), e);
        } finally {
            client.close();
        }
    }

    private static Client client() {
        return ClientBuilder.newBuilder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build();
    }

    private String usersUrl() {
        return settings.keycloakUrl() + "/admin/realms/" + settings.keycloakRealm() + "/users";
    }

    private String accessToken(Client client) {
        Form form = new Form()
                .param("grant_type", "client_credentials")
                .param("client_id", settings.keycloakAdminClientId())
                .param("client_secret", settings.keycloakAdminClientSecret());
        String tokenUrl = settings.keycloakUrl() + "/realms/" + settings.keycloakRealm() + "/protocol/openid-connect/token";
        try (Response response = client.target(tokenUrl).request(MediaType.APPLICATION_JSON).post(Entity.form(form))) {
            if (response.getStatus() != 200) {
                throw new LoginDirectoryException("Keycloak refused the admin client's token request ("
                        + response.getStatus() + "): check switchboard.keycloak.admin-client-id and -secret");
            }
            return json(response.readEntity(String.class)).asJsonObject().getString("access_token");
        }
    }

    /** Keycloak's exact search still matches case-insensitively; keep only the login itself. */
    private static List<String> userIds(Client client, String users, String bearer, String login) {
        try (Response response = client.target(users)
                .queryParam("username", login)
                .queryParam("exact", "true")
                .request(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .get()) {
            if (response.getStatus() != 200) {
                throw new LoginDirectoryException("Keycloak answered " + response.getStatus() + " to the user search");
            }
            return json(response.readEntity(String.class)).asJsonArray().stream()
                    .map(JsonValue::asJsonObject)
                    .filter(user -> login.equalsIgnoreCase(user.getString("username", "")))
                    .map(user -> user.getString("id"))
                    .toList();
        }
    }

    private static JsonValue json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }
}
