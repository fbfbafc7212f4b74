package org.switchboard.sip.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import org.switchboard.application.account.PhoneSettings;
import org.switchboard.application.config.SwitchboardSettings;

/** The portal's "settings for your phone": the domain and where the engine listens, TLS when it has a keystore. */
@ApplicationScoped
public class SipPhoneSettings implements PhoneSettings {

    @Inject
    SwitchboardSettings serviceSettings;

    @Inject
    SipSettings settings;

    @Override
    public Values current() {
        boolean tls = Files.isRegularFile(settings.sipTlsKeystore());
        return new Values(serviceSettings.sipDomain(), settings.sipBindAddress(), settings.sipPort(), settings.sipTlsPort(),
                tls, tls ? "UDP, TCP, TLS" : "UDP, TCP");
    }
}
