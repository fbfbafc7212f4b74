package org.switchboard.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;

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

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Setting " + name + " is missing: WildFly must be started with -P switchboard.properties");
        }
        return value.trim();
    }
}
