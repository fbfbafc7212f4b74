package org.switchboard.application.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.persistence.account.DemoSeed;
import org.switchboard.persistence.account.DemoSeedRepository;

/**
 * In demo mode only, opens the demo subscribers alice and bob (their web logins live in the
 * Keycloak demo realm; carol is support staff and has no SIP account), once per database: each
 * opening is remembered in {@code demo_seed}, so a restart never reopens a demo account that was
 * deleted since, nor touches one that was blocked or changed. An account that already existed
 * before the table did is only marked as seeded.
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

    @Inject
    DemoSeedRepository seeds;

    @Inject
    Clock clock;

    @PostConstruct
    void openDemoAccounts() {
        if (settings.demoMode()) {
            seedOnce();
        }
    }

    /** Opens each demo account not yet seeded in this database (called at startup; tests call it again). */
    public void seedOnce() {
        for (Demo demo : SUBSCRIBERS) {
            if (seeds.wasSeeded(demo.user())) {
                continue;
            }
            if (accountService.findByLogin(demo.user()).isEmpty()) {
                accountService.open(demo.user(), demo.displayName(), demo.email(), demo.password());
                LOG.info(() -> "Demo mode: opened account sip:" + demo.user() + "@" + settings.sipDomain());
            }
            seeds.save(new DemoSeed(demo.user(), clock.instant()));
        }
    }
}
