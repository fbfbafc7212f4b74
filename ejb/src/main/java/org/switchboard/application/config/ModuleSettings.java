package org.switchboard.application.config;

import jakarta.annotation.PostConstruct;

/**
 * What each module's settings type shares: it is read once, from the system properties WildFly
 * loads from switchboard.properties, when the container makes the bean (a bad value then fails
 * the deployment, naming the key), or from a given reader in unit tests. A subclass reads and
 * validates its own keys in {@link #read}, ending with {@link SettingsReader#check()}.
 */
public abstract class ModuleSettings {

    @PostConstruct
    protected void loadSystemProperties() {
        read(SettingsReader.systemProperties());
    }

    /** Reads this type's keys; problems are collected by {@code in} and thrown by {@code in.check()}. */
    protected abstract void read(SettingsReader in);

    /** {@code settings} read and validated from {@code reader} (unit tests). */
    protected static <T extends ModuleSettings> T readFrom(T settings, SettingsReader reader) {
        settings.read(reader);
        return settings;
    }
}
