package org.switchboard.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.switchboard.application.config.ModuleSettings;
import org.switchboard.application.config.SettingsReader;

/**
 * The portal's own settings: where its OpenID Connect provider (Keycloak) lives and the client it
 * signs in as. WildFly's OIDC subsystem reads the same keys for the login itself (oidc.json); the
 * portal needs them for the single sign-out. Read and validated once, when the portal starts.
 */
@ApplicationScoped
public class WebSettings extends ModuleSettings {

    private String oidcProviderUrl;
    private String oidcClientId;


    /** Settings read and validated from {@code reader} (unit tests; the server uses the system properties). */
    public static WebSettings from(SettingsReader reader) {
        return readFrom(new WebSettings(), reader);
    }


    @Override
    protected void read(SettingsReader in) {
        oidcProviderUrl = in.httpUrl("switchboard.oidc.provider-url");
        oidcClientId = in.nonEmpty("switchboard.oidc.client-id");
        in.check();
    }

    /** The realm's URL, e.g. http://localhost:8180/realms/switchboard. */
    public String oidcProviderUrl() {
        return oidcProviderUrl;
    }

    public String oidcClientId() {
        return oidcClientId;
    }
}
