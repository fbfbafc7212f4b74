package org.switchboard.application.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Makes the deployment fail at once, naming the bad keys, when a setting is missing or malformed:
 * {@link SwitchboardSettings} is application-scoped, so CDI would otherwise read it only when
 * first asked, perhaps by the first SIP request. The schema and every other startup bean depend on it.
 */
@Singleton
@Startup
public class SettingsCheck {

    @Inject
    SwitchboardSettings settings;

    @PostConstruct
    void check() {
        settings.sipDomain(); // the first call on the proxy reads and validates every setting
    }
}
