package org.switchboard.application.signup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.switchboard.application.config.SettingsReader;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.application.config.SwitchboardSettingsTest;

/** The SIP user name rules with the settings the server starts with (switchboard.properties). */
class SipUserNameRulesTest {

    private static SipUserNameRules rules(String reserved) throws IOException {
        Properties properties = SwitchboardSettingsTest.defaults();
        properties.setProperty("jboss.server.data.dir", "/tmp");
        if (reserved != null) {
            properties.setProperty("switchboard.signup.reserved-names", reserved);
        }
        return new SipUserNameRules(SwitchboardSettings.from(SettingsReader.of(properties)));
    }

    @Test
    void ordinaryNamesPass() throws IOException {
        SipUserNameRules rules = rules(null);
        for (String name : new String[] {"dave", "d.ve", "dave_2", "dave-the-tester", "abc", "a2345678901234567890123456789012"}) {
            assertEquals(Optional.empty(), rules.problem(name), name);
        }
    }

    @Test
    void lengthCharactersAndFirstLetterAreChecked() throws IOException {
        SipUserNameRules rules = rules(null);
        assertEquals("Use 3 to 32 characters.", rules.problem("ab").orElseThrow());
        assertEquals("Use 3 to 32 characters.", rules.problem("a23456789012345678901234567890123").orElseThrow());
        for (String name : new String[] {"Dave", "dave!", "da ve", "2dave", "-dave", "dave@home", "dävé"}) {
            assertTrue(rules.problem(name).orElseThrow().startsWith("Use lower-case letters, digits"), name);
        }
        assertEquals("Choose a SIP user name.", rules.problem(" ").orElseThrow());
        assertEquals("Choose a SIP user name.", rules.problem(null).orElseThrow());
    }

    @Test
    void reservedNamesComeFromTheSettingIgnoringCase() throws IOException {
        SipUserNameRules defaults = rules(null);
        for (String name : new String[] {"admin", "voicemail", "support", "postmaster", "root"}) {
            assertEquals("'" + name + "' is reserved. Choose another name.", defaults.problem(name).orElseThrow());
        }
        SipUserNameRules own = rules(" Operator , frontdesk ");
        assertTrue(own.problem("frontdesk").isPresent());
        assertTrue(own.problem("operator").isPresent());
        assertEquals(Optional.empty(), own.problem("admin"), "only the configured list is reserved");
    }
}
