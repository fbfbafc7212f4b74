package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End to end, as a newcomer meets it: the run command starts Keycloak and WildFly with the
 * packaged EAR; alice signs in through Keycloak and sees her SIP address; carol (support) reaches
 * the admin console and alice does not. (StopServiceIT checks that Ctrl-C leaves nothing running.)
 */
@ExtendWith(RunningService.class)
class PortalLoginIT {

    private RunCommand service;
    private String portal;

    @BeforeEach
    void service() {
        service = RunningService.command();
        portal = RunningService.portal();
    }

    @Test
    void runCommandPrintsWhereEverythingIs() {
        String printed = String.join("\n", service.output());
        assertTrue(printed.contains("Portal:       " + portal), printed);
        assertTrue(printed.contains("SIP domain:   localhost"), printed);
        assertTrue(printed.contains("in demo mode on " + RunCommand.database()), printed);
        assertTrue(printed.contains("alice / demo-alice-1"), printed);
    }

    @Test
    void aliceSeesHerSipAddressAndStatus() throws Exception {
        OidcBrowser alice = new OidcBrowser();
        OidcBrowser.Page home = alice.login(portal, "alice", "demo-alice-1");
        assertEquals(200, home.status(), home.body());
        assertEquals(service.httpPort, home.uri().getPort(), "back on the portal after login: " + home.uri());
        assertTrue(home.body().contains("sip:alice@localhost"), home.body());
        assertTrue(home.body().contains("active"), "account status shown: " + home.body());
        assertFalse(home.body().contains("sip:bob@localhost"), "only her own account");
    }

    @Test
    void aWrongPasswordDoesNotGetIn() throws Exception {
        OidcBrowser mallory = new OidcBrowser();
        OidcBrowser.Page page = mallory.login(portal, "alice", "not-her-password");
        assertEquals(service.keycloakPort, page.uri().getPort(), "still at Keycloak: " + page.uri());
        assertTrue(page.body().contains("Invalid username or password"), page.body());
        assertFalse(page.body().contains("sip:alice@localhost"));
    }

    @Test
    void supportReachesTheAdminConsoleAndSubscribersDoNot() throws Exception {
        OidcBrowser carol = new OidcBrowser();
        carol.login(portal, "carol", "demo-carol-1");
        OidcBrowser.Page admin = carol.get(portal + "admin/index.xhtml");
        assertEquals(200, admin.status(), admin.body());
        assertTrue(admin.body().contains("Admin console"), admin.body());

        OidcBrowser alice = new OidcBrowser();
        alice.login(portal, "alice", "demo-alice-1");
        OidcBrowser.Page denied = alice.get(portal + "admin/index.xhtml");
        assertEquals(403, denied.status());
        assertFalse(denied.body().contains("Admin console"));
        assertFalse(denied.body().contains("Exception"), "no stack trace: " + denied.body());
    }

    @Test
    void loggingOutEndsTheKeycloakSessionToo() throws Exception {
        OidcBrowser alice = new OidcBrowser();
        assertTrue(alice.login(portal, "alice", "demo-alice-1").body().contains("sip:alice@localhost"));

        OidcBrowser.Page afterLogout = alice.get(portal + "logout");
        assertEquals(service.keycloakPort, afterLogout.uri().getPort(), "asked to sign in again: " + afterLogout.uri());
        OidcBrowser.Page home = alice.get(portal);
        assertFalse(home.body().contains("sip:alice@localhost"), "no single sign-on left to reuse");
        assertTrue(home.body().contains("kc-form-login"), home.body());
    }
}
