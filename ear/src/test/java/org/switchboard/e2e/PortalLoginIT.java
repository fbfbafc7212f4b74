package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * End to end, as a newcomer meets it: the run command starts Keycloak and WildFly with the
 * packaged EAR; alice signs in through Keycloak and sees her SIP address; carol (support) reaches
 * the admin console and alice does not; Ctrl-C leaves nothing running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalLoginIT {

    private static RunCommand service;
    private static String portal;

    @BeforeAll
    static void startService() throws Exception {
        Path root = Path.of(System.getProperty("switchboard.root")).toRealPath();
        Path var = Path.of(System.getProperty("switchboard.e2e.var"));
        int offset = Integer.getInteger("switchboard.test.port-offset");
        int keycloakPort = Integer.getInteger("switchboard.e2e.keycloak-port");
        service = RunCommand.start(root, var, offset, keycloakPort);
        service.awaitReady(Duration.ofMinutes(5));
        portal = "http://localhost:" + service.httpPort + "/";
    }

    @AfterAll
    static void stopService() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void runCommandPrintsWhereEverythingIs() {
        String printed = String.join("\n", service.output());
        assertTrue(printed.contains("Portal:       " + portal), printed);
        assertTrue(printed.contains("SIP domain:   localhost"), printed);
        assertTrue(printed.contains("alice / demo-alice-1"), printed);
    }

    @Test
    @Order(2)
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
    @Order(3)
    void aWrongPasswordDoesNotGetIn() throws Exception {
        OidcBrowser mallory = new OidcBrowser();
        OidcBrowser.Page page = mallory.login(portal, "alice", "not-her-password");
        assertEquals(service.keycloakPort, page.uri().getPort(), "still at Keycloak: " + page.uri());
        assertTrue(page.body().contains("Invalid username or password"), page.body());
        assertFalse(page.body().contains("sip:alice@localhost"));
    }

    @Test
    @Order(4)
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
    @Order(5)
    void ctrlCStopsEveryProcessItStarted() throws Exception {
        service.stop(Duration.ofSeconds(90));
        assertFalse(service.isAlive());
        assertFalse(RunCommand.listening(service.httpPort), "WildFly still listening");
        assertFalse(RunCommand.listening(service.keycloakPort), "Keycloak still listening");
        assertFalse(RunCommand.listening(service.httpPort - 8080 + 9990), "WildFly management still listening");
    }
}
