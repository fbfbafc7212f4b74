package org.switchboard.application.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * The one home of Keycloak's admin REST API: subscribers' web logins created at sign-up, read at
 * their first login, their email changed from the Account page, deleted with the account. Called
 * as the confidential client switchboard.keycloak.admin-client-id (a service account with
 * realm-management manage-users and view-users), with the JAX-RS client WildFly provides.
 * Messages of the exceptions thrown here never contain the login (they can reach the audit log).
 */
@ApplicationScoped
public class KeycloakLogins {

    /** The realm role every subscriber login has; the first login opens a SIP account only for it. */
    public static final String SUBSCRIBER_ROLE = "subscriber";

    /** What Keycloak keeps of a login that the service uses. */
    public record Login(String id, String username, String email, String firstName, String lastName) {

        /** "First Last", or the user name when Keycloak has no name. */
        public String displayName() {
            String name = (firstName + " " + lastName).trim();
            return name.isEmpty() ? username : name;
        }
    }

    /** A login to create at sign-up; {@code password} is the web password, handed to Keycloak only. */
    public record NewLogin(String username, String email, String firstName, String lastName, String password) {
    }

    @Inject
    SwitchboardSettings settings;

    /**
     * Creates an enabled login with the subscriber role, its email not yet verified (Keycloak asks
     * for the verification at the first login when the realm's verifyEmail is on).
     *
     * @throws LoginTakenException if the user name or the email belongs to another login
     * @throws LoginRefusedException if Keycloak refused a value (e.g. its password policy), with its reason
     */
    public void create(NewLogin login) {
        JsonObject user = Json.createObjectBuilder()
                .add("username", login.username())
                .add("email", login.email())
                .add("firstName", login.firstName())
                .add("lastName", login.lastName())
                .add("enabled", true)
                .add("emailVerified", false)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", login.password()).add("temporary", false)))
                .build();
        call(api -> {
            try (Response created = api.users().request().header(HttpHeaders.AUTHORIZATION, api.bearer)
                    .post(Entity.json(user.toString()))) {
                refusalOf(created, "the user creation");
            }
            String id = find(api, login.username()).orElseThrow(
                    () -> new LoginDirectoryException("Keycloak created the login but does not find it")).id();
            grantSubscriberRole(api, id);
            return null;
        });
    }

    /** The login of that user name, if Keycloak has it. */
    public Optional<Login> find(String username) {
        return call(api -> find(api, username));
    }

    /**
     * Changes the login's email in Keycloak (where the portal's sign-in takes it from), marked not
     * verified. The whole representation is sent back, so nothing else of the login changes.
     *
     * @throws LoginTakenException if another login has that email
     */
    public void changeEmail(String username, String email) {
        call(api -> {
            JsonObject user = representation(api, username).orElseThrow(
                    () -> new LoginDirectoryException("Keycloak has no such login"));
            JsonObject changed = Json.createObjectBuilder(user).add("email", email).add("emailVerified", false).build();
            try (Response updated = api.users().path(user.getString("id")).request()
                    .header(HttpHeaders.AUTHORIZATION, api.bearer).put(Entity.json(changed.toString()))) {
                refusalOf(updated, "the email change");
            }
            return null;
        });
    }

    /** Deletes the login; one that does not exist (any more) counts as deleted. */
    public void delete(String username) {
        call(api -> {
            for (String id : api.userIds(username)) {
                try (Response deleted = api.users().path(id).request().header(HttpHeaders.AUTHORIZATION, api.bearer).delete()) {
                    // 404: deleted meanwhile (e.g. by a run that stopped before recording it).
                    if (deleted.getStatus() != 204 && deleted.getStatus() != 404) {
                        throw new LoginDirectoryException("Keycloak answered " + deleted.getStatus() + " to the user deletion");
                    }
                }
            }
            return null;
        });
    }

    /**
     * Enables or disables the login (blocking by support staff); disabling also ends its sessions,
     * so a blocked subscriber is signed out of the portal at Keycloak at once.
     */
    public void setEnabled(String username, boolean enabled) {
        call(api -> {
            for (String id : api.userIds(username)) {
                // A partial representation: Keycloak's PUT changes only the attributes it is given.
                try (Response updated = api.users().path(id).request().header(HttpHeaders.AUTHORIZATION, api.bearer)
                        .put(Entity.json("{\"enabled\":" + enabled + "}"))) {
                    if (updated.getStatus() != 204) {
                        throw new LoginDirectoryException("Keycloak answered " + updated.getStatus() + " to enabling or disabling the user");
                    }
                }
                if (!enabled) {
                    try (Response logout = api.users().path(id).path("logout").request()
                            .header(HttpHeaders.AUTHORIZATION, api.bearer).post(Entity.json("{}"))) {
                        if (logout.getStatus() != 204) {
                            throw new LoginDirectoryException("Keycloak answered " + logout.getStatus() + " to ending the user's sessions");
                        }
                    }
                }
            }
            return null;
        });
    }

    private Optional<Login> find(Api api, String username) {
        return representation(api, username).map(user -> new Login(user.getString("id"), user.getString("username"),
                user.getString("email", ""), user.getString("firstName", ""), user.getString("lastName", "")));
    }

    private Optional<JsonObject> representation(Api api, String username) {
        return api.search(username).stream().findFirst();
    }

    /** Role mappings need the role's representation: the roles this login may be given name it. */
    private void grantSubscriberRole(Api api, String id) {
        Invocation.Builder available = api.users().path(id).path("role-mappings/realm/available")
                .request(MediaType.APPLICATION_JSON).header(HttpHeaders.AUTHORIZATION, api.bearer);
        JsonObject role;
        try (Response roles = available.get()) {
            if (roles.getStatus() != 200) {
                throw new LoginDirectoryException("Keycloak answered " + roles.getStatus() + " to the available roles");
            }
            role = json(roles.readEntity(String.class)).asJsonArray().stream().map(JsonValue::asJsonObject)
                    .filter(r -> SUBSCRIBER_ROLE.equals(r.getString("name", "")))
                    .findFirst()
                    .orElseThrow(() -> new LoginDirectoryException("the realm has no role " + SUBSCRIBER_ROLE));
        }
        JsonArray mapping = Json.createArrayBuilder().add(role).build();
        try (Response mapped = api.users().path(id).path("role-mappings/realm").request()
                .header(HttpHeaders.AUTHORIZATION, api.bearer).post(Entity.json(mapping.toString()))) {
            if (mapped.getStatus() != 204) {
                throw new LoginDirectoryException("Keycloak answered " + mapped.getStatus() + " to the role mapping");
            }
        }
    }

    /** 409 names the field taken (Keycloak says "same username" or "same email"); 400 says why in its own words. */
    private static void refusalOf(Response response, String what) {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            return;
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        String reason = reason(body);
        if (status == 409) {
            throw new LoginTakenException(reason.toLowerCase(java.util.Locale.ROOT).contains("email")
                    ? LoginTakenException.Field.EMAIL : LoginTakenException.Field.USERNAME);
        }
        if (status == 400 && !reason.isEmpty()) {
            throw new LoginRefusedException(reason);
        }
        throw new LoginDirectoryException("Keycloak answered " + status + " to " + what);
    }

    private static String reason(String body) {
        try {
            JsonObject error = json(body).asJsonObject();
            return error.getString("error_description", error.getString("errorMessage", ""));
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private <T> T call(Function<Api, T> work) {
        Client client = ClientBuilder.newBuilder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build();
        try {
            return work.apply(new Api(client, "Bearer " + accessToken(client),
                    settings.keycloakUrl() + "/admin/realms/" + settings.keycloakRealm() + "/users"));
        } catch (ProcessingException e) {
            throw new LoginDirectoryException("Keycloak could not be reached at " + settings.keycloakUrl(), e);
        } finally {
            client.close();
        }
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

    private static JsonValue json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    /** One conversation with the admin API: a client, its bearer token and the realm's users URL. */
    private record Api(Client client, String bearer, String usersUrl) {

        jakarta.ws.rs.client.WebTarget users() {
            return client.target(usersUrl);
        }

        /** Keycloak's exact search still matches case-insensitively; keep only the login itself. */
        List<JsonObject> search(String username) {
            try (Response response = users()
                    .queryParam("username", username)
                    .queryParam("exact", "true")
                    .request(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, bearer)
                    .get()) {
                if (response.getStatus() != 200) {
                    throw new LoginDirectoryException("Keycloak answered " + response.getStatus() + " to the user search");
                }
                return json(response.readEntity(String.class)).asJsonArray().stream()
                        .map(JsonValue::asJsonObject)
                        .filter(user -> username.equalsIgnoreCase(user.getString("username", "")))
                        .toList();
            }
        }

        List<String> userIds(String username) {
            return search(username).stream().map(user -> user.getString("id")).toList();
        }
    }
}
