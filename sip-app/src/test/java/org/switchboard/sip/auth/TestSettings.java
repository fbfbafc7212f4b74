package org.switchboard.sip.auth;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.switchboard.application.config.SettingsReader;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.sip.config.SipSettings;

/** The settings the server starts with (this repository's switchboard.properties), for unit tests. */
public final class TestSettings {

    private TestSettings() {
    }

    /** The SIP engine's settings as the server starts with them. */
    static SipSettings defaults() {
        return with(Map.of());
    }

    /** The service's settings (the SIP domain among them) as the server starts with them. */
    static SwitchboardSettings service() {
        return SwitchboardSettings.from(SettingsReader.of(properties(Map.of())));
    }

    /** The SIP defaults with some keys replaced. */
    static SipSettings with(Map<String, String> overrides) {
        return SipSettings.from(SettingsReader.of(properties(overrides)));
    }

    /** The properties of switchboard.properties with some keys replaced. */
    public static Properties properties(Map<String, String> overrides) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("../wildfly-config/src/main/config/switchboard.properties"),
                StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.putAll(overrides);
        return properties;
    }
}
