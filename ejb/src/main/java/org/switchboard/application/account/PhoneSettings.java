package org.switchboard.application.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import org.switchboard.application.config.SwitchboardSettings;

/** What a subscriber types into a phone: from the running settings, so it is always what the server listens on. */
@ApplicationScoped
public class PhoneSettings {

    @Inject
    SwitchboardSettings settings;

    public record Values(String domain, String proxy, int port, int tlsPort, boolean tls, String transports) {
    }

    public Values current() {
        boolean tls = Files.isRegularFile(settings.sipTlsKeystore());
        return new Values(settings.sipDomain(), settings.sipBindAddress(), settings.sipPort(), settings.sipTlsPort(), tls,
                tls ? "UDP, TCP, TLS" : "UDP, TCP");
    }
}
