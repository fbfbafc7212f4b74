package org.switchboard.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The service's settings, read from the system properties that WildFly loads from
 * wildfly-config/src/main/config/switchboard.properties (the one place where their defaults live).
 */
@ApplicationScoped
public class SwitchboardSettings {

    public boolean demoMode() {
        return Boolean.parseBoolean(System.getProperty("switchboard.demo", "false"));
    }

    /** The SIP domain of local subscribers, also the digest realm of their credentials. */
    public String sipDomain() {
        return required("switchboard.sip.domain");
    }

    public Path dataDir() {
        return Path.of(required("switchboard.data.dir"));
    }

    /** Rows deleted per transaction by the retention purges and account deletion. */
    public int retentionBatchSize() {
        return positiveInt("switchboard.retention.batch-size");
    }

    /** How long a deletion request waits before it is processed (0: at the next retention run). */
    public Duration deletionGracePeriod() {
        int hours = nonNegativeInt("switchboard.account.deletion-grace-hours");
        return Duration.ofHours(hours);
    }

    /** Keycloak's base URL, e.g. http://localhost:8180 (its admin REST API lives below it). */
    public String keycloakUrl() {
        String url = required("switchboard.keycloak.url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String keycloakRealm() {
        return required("switchboard.keycloak.realm");
    }

    /** The confidential client whose service account may delete users (realm-management manage-users). */
    public String keycloakAdminClientId() {
        return required("switchboard.keycloak.admin-client-id");
    }

    public String keycloakAdminClientSecret() {
        return required("switchboard.keycloak.admin-client-secret");
    }

    private static int positiveInt(String name) {
        int value = integer(name);
        if (value < 1) {
            throw new IllegalStateException("Setting " + name + " must be at least 1, not " + value);
        }
        return value;
    }

    private static int nonNegativeInt(String name) {
        int value = integer(name);
        if (value < 0) {
            throw new IllegalStateException("Setting " + name + " must not be negative, not " + value);
        }
        return value;
    }

    private static int integer(String name) {
        String value = required(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + name + " must be a whole number, not '" + value + "'", e);
        }
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Setting " + name + " is missing: WildFly must be started with -P switchboard.properties");
        }
        return value.trim();
    }
}
