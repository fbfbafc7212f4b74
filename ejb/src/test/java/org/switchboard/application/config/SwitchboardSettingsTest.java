package org.switchboard.application.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The settings file the server starts with (wildfly-config's switchboard.properties) holds every
 * key the code reads, each valid; a broken value is refused with its key named.
 */
public class SwitchboardSettingsTest {

    /** The defaults as WildFly loads them (-P), from this repository. */
    public static Properties defaults() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("../wildfly-config/src/main/config/switchboard.properties"),
                StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void theDefaultsFileHasEveryKeyAndEachIsValid() throws IOException {
        Properties properties = defaults();
        properties.setProperty("jboss.server.data.dir", "/srv/wildfly/data");
        SwitchboardSettings settings = SwitchboardSettings.from(SettingsReader.of(properties));
        assertEquals("localhost", settings.sipDomain());
        assertEquals(Path.of("/srv/wildfly/data/switchboard"), settings.dataDir());
        assertEquals(1000, settings.traceBatches().flushIntervalMillis());
        assertEquals(Duration.ZERO, settings.deletionGracePeriod());
    }

    @Test
    void aBrokenOrMissingValueFailsNamingTheKey() throws IOException {
        Properties properties = defaults();
        properties.setProperty("switchboard.trace.batch-size", "abc");
        properties.setProperty("switchboard.demo", "maybe");
        properties.remove("switchboard.keycloak.realm");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> SwitchboardSettings.from(SettingsReader.of(properties)));
        assertEquals(List.of(
                "switchboard.demo: expected true or false, got 'maybe'",
                "switchboard.keycloak.realm: missing, expected a non-empty value (its default belongs in switchboard.properties)",
                "switchboard.trace.batch-size: expected a whole number from 1 to 100000, got 'abc'"),
                e.problems());
    }

    @Test
    void voicemailDefaultsAndRangesThatCannotWork() throws IOException {
        SwitchboardSettings settings = SwitchboardSettings.from(SettingsReader.of(defaults()));
        assertEquals(Duration.ofSeconds(10), settings.voicemailSilenceTimeout());
        assertEquals(Duration.ofSeconds(120), settings.voicemailMaxLength());
        assertEquals(Duration.ofSeconds(1), settings.voicemailMinLength());

        Properties properties = defaults();
        properties.setProperty("switchboard.voicemail.rtp.port-min", "40001");
        properties.setProperty("switchboard.voicemail.rtp.port-max", "40002");
        properties.setProperty("switchboard.voicemail.min-length-ms", "200000");
        properties.setProperty("switchboard.voicemail.mail.retry-max-seconds", "10");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> SwitchboardSettings.from(SettingsReader.of(properties)));
        assertEquals(List.of(
                "switchboard.voicemail.rtp.port-max: expected a range holding at least one even/odd port pair above"
                        + " port-min (40001), got 40002",
                "switchboard.voicemail.min-length-ms: expected at most max-length-seconds (120 s), got 200000",
                "switchboard.voicemail.mail.retry-max-seconds: expected at least retry-first-seconds (30), got 10"),
                e.problems());
    }
}
