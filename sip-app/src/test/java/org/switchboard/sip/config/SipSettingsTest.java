package org.switchboard.sip.config;

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
import org.switchboard.application.config.InvalidSettingsException;
import org.switchboard.application.config.SettingsReader;

/**
 * The settings file the server starts with holds every SIP key the engine reads, each valid; a
 * broken value fails the deployment with its key and the expected form named.
 */
class SipSettingsTest {

    private static Properties defaults() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("../wildfly-config/src/main/config/switchboard.properties"),
                StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        properties.setProperty("jboss.server.data.dir", "/srv/wildfly/data");
        return properties;
    }

    @Test
    void theDefaultsFileHasEverySipKeyAndEachIsValid() throws IOException {
        SipSettings settings = SipSettings.from(SettingsReader.of(defaults()));
        assertEquals(5060, settings.sipPort());
        assertEquals(Path.of("/srv/wildfly/data/switchboard/sip-tls.p12"), settings.sipTlsKeystore());
        assertEquals(List.of("MD5", "SHA-256"), settings.sipAuthAlgorithms());
        assertEquals(Duration.ofSeconds(180), settings.proxyTimerC());
        assertTrue(settings.sipAuthSingleChallengeUserAgents().orElseThrow().matcher("baresip v1.0.0").lookingAt());
    }

    @Test
    void thePortOffsetMovesTheSipPorts() throws IOException {
        Properties properties = defaults();
        properties.setProperty("jboss.socket.binding.port-offset", "600");
        SipSettings settings = SipSettings.from(SettingsReader.of(properties));
        assertEquals(5660, settings.sipPort());
        assertEquals(5661, settings.sipTlsPort());
    }

    @Test
    void aBrokenValueFailsNamingTheKey() throws IOException {
        Properties properties = defaults();
        properties.setProperty("switchboard.sip.port", "abc");
        properties.setProperty("switchboard.sip.proxy.forward-to-other-domains", "maybe");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> SipSettings.from(SettingsReader.of(properties)));
        assertEquals(List.of(
                "switchboard.sip.port: expected a port number 1-65535, got 'abc'",
                "switchboard.sip.proxy.forward-to-other-domains: expected true or false, got 'maybe'"),
                e.problems());
    }

    @Test
    void registrarExpiresMustBeOrdered() throws IOException {
        Properties properties = defaults();
        properties.setProperty("switchboard.sip.registrar.default-expires", "30");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> SipSettings.from(SettingsReader.of(properties)));
        assertEquals(List.of("switchboard.sip.registrar.default-expires: expected a value from min-expires to max-expires"
                + " (60-3600), got 30"), e.problems());
    }

    @Test
    void tlsCertificatesArePkcs12OrPemWithTheKeyBesideIt() throws IOException {
        Properties properties = defaults();
        assertEquals(null, SipSettings.from(SettingsReader.of(properties)).tlsKeyFiles().pemKey(), "PKCS12: no key file");
        properties.setProperty("switchboard.sip.tls.keystore-type", "pem");
        properties.setProperty("switchboard.sip.tls.keystore", "/etc/letsencrypt/live/sip/fullchain.pem");
        properties.setProperty("switchboard.sip.tls.pem-key", "/etc/letsencrypt/live/sip/privkey.pem");
        SipSettings pem = SipSettings.from(SettingsReader.of(properties));
        assertTrue(pem.tlsKeyFiles().pem());
        assertEquals(Path.of("/etc/letsencrypt/live/sip/privkey.pem"), pem.tlsKeyFiles().pemKey());

        properties.setProperty("switchboard.sip.tls.keystore-type", "DER");
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> SipSettings.from(SettingsReader.of(properties)));
        assertEquals(List.of("switchboard.sip.tls.keystore-type: expected PKCS12, JKS or PEM, got 'DER'"), e.problems());
    }
}
