package org.switchboard.sip;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.switchboard.config.SwitchboardSettings;

/**
 * Placeholder for the SIP engine (JAIN-SIP RI with our servlet layer), which the next issue
 * brings. It starts with the application so the EAR's module order is already the final one, and
 * says plainly that nothing listens for SIP yet.
 */
@Singleton
@Startup
@DependsOn("SchemaStartup")
public class SipEngine {

    private static final Logger LOG = Logger.getLogger(SipEngine.class.getName());

    @Inject
    SwitchboardSettings settings;

    @PostConstruct
    void start() {
        LOG.warning(() -> "SIP engine not built yet: nothing listens for SIP for domain " + settings.sipDomain());
    }
}
