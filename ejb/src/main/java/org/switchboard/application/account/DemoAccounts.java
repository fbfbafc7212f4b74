package org.switchboard.application.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * In demo mode only, opens the demo subscribers alice and bob (their web logins live in the
 * Keycloak demo realm; carol is support staff and has no SIP account). Existing accounts are left
 * as they are, so a restart keeps what the demo users changed.
 */
@Singleton
@Startup
@DependsOn("SchemaStartup")
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

    record Demo(String user, String displayName, String email, String password) {}

    static final List<Demo> SUBSCRIBERS = List.of(
            new Demo("alice", "Alice Demo", "alice@localhost", "demo-alice-1"),
            new Demo("bob", "Bob Demo", "bob@localhost", "demo-bob-1"));

    @Inject
    SwitchboardSettings settings;

    @EJB
    AccountService accountService;

    @PostConstruct
    void openDemoAccounts() {
        if (!settings.demoMode()) {
            return;
        }
        for (Demo demo : SUBSCRIBERS) {
            if (accountService.findByLogin(demo.user()).isEmpty()) {
                accountService.open(demo.user(), demo.displayName(), demo.email(), demo.password());
                LOG.info(() -> "Demo mode: opened account sip:" + demo.user() + "@" + settings.sipDomain());
            }
        }
    }
}
