package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin console in a real browser (headless Chromium) against the service the run command
 * started: carol (support) sees alice's phone and a call on the dashboard, finds alice by the call's
 * IP address, opens her trace ladder (audited), blocks bob (his REGISTER is refused, his binding
 * dropped, his web login disabled) and unblocks him, records a purchase for bob and finds it in the
 * deletion view; alice is refused the console and its API. Pages are photographed at desktop and
 * tablet (768 px) width into target/screenshots (admin-*), and must not scroll sideways at 768 px.
 */
@ExtendWith(RunningService.class)
class AdminConsoleIT {

    private static final String CAROL_PASSWORD = "demo-carol-1";

    @Test
    void carolTroubleshootsAliceAndBlocksBob() throws Exception {
        PortalBrowser.assumeInstalled();
        ExternalPeer.assumeInstalled("sipp");
        String portal = RunningService.portal();
        try (PortalBrowser carol = new PortalBrowser().login(portal, "carol", CAROL_PASSWORD);
             DatagramSocket alicePhone = RawSip.udpSocket()) {
            carol.open(portal + "admin/index.xhtml");
            long contactsBefore = number(carol, "#contacts-registered");
            long callsBefore = number(carol, "#calls-last-day");

            String aliceContact = "<sip:alice@" + RawSip.HOST + ":" + alicePhone.getLocalPort() + ">";
            assertEquals(200, DigestClient.register(alicePhone, "alice", aliceContact, "demo-alice-1", 3600));
            try {
                carol.open(portal + "admin/index.xhtml");
                assertEquals(contactsBefore + 1, number(carol, "#contacts-registered"), "alice's phone counted");

                String callId = ProxyCallsIT.aliceCallsBobAnswered("admin");
                long deadline = System.currentTimeMillis() + 20_000;
                do {
                    carol.open(portal + "admin/index.xhtml");
                } while (number(carol, "#calls-last-day") < callsBefore + 1 && System.currentTimeMillis() < deadline);
                assertEquals(callsBefore + 1, number(carol, "#calls-last-day"), "the call in calls per hour");
                assertFalse(carol.find("#calls-per-hour svg.sb-chart").findElements(By.tagName("rect")).isEmpty());
                assertTrue(carol.text().contains("Requests shed with 503 since start"), carol.text());
                assertWithinTablet(carol.tabletScreenshots("admin-dashboard"), "dashboard");

                // Which accounts called from this address? The call came from alice's SIPp on 127.0.0.1.
                carol.open(portal + "admin/accounts.xhtml?q=10.9.8.7");
                assertTrue(carol.text().contains("No account matches."), carol.text());
                carol.open(portal + "admin/accounts.xhtml?q=127.0.0.1");
                assertTrue(carol.text().contains("sip:alice@localhost"), carol.text());
                assertWithinTablet(carol.tabletScreenshots("admin-accounts"), "accounts");
                carol.driver.findElement(By.linkText("sip:alice@localhost")).click();
                carol.waitForText("Devices registered now");
                assertEquals("ACTIVE", carol.find("#account-status").getText());
                assertTrue(carol.text().contains("sip:alice@" + RawSip.HOST + ":" + alicePhone.getLocalPort()), carol.text());
                assertWithinTablet(carol.tabletScreenshots("admin-account"), "account");

                carol.driver.findElement(By.linkText(callId)).click();
                WebElement ladder = carol.find("#ladder svg.sb-ladder");
                List<WebElement> arrows = ladder.findElements(By.cssSelector("a.message"));
                assertTrue(arrows.size() >= 10, "an arrow per message: " + arrows.size());
                assertTrue(ladder.getText().contains("INVITE"), ladder.getText());
                assertWithinTablet(carol.tabletScreenshots("admin-trace"), "trace");

                carol.open(portal + "admin/audit.xhtml?account=alice&actor=carol&action=TRACE_VIEWED");
                assertTrue(carol.text().contains("Call-ID " + callId), "the view is audited: " + carol.text());
                assertWithinTablet(carol.tabletScreenshots("admin-audit"), "audit");
                String csv = carol.fetch(carol.find("a[id='filter:export-csv']").getAttribute("href"));
                assertTrue(csv.startsWith("id,at,actor,action,target,detail"), csv);
                assertTrue(csv.contains("TRACE_VIEWED") && csv.contains(callId), csv);

                // The API, with carol's session: the same services.
                String found = carol.fetchWithStatus(portal + "api/v1/admin/accounts?q=alice", "GET", null);
                assertTrue(found.startsWith("200 ") && found.contains("sip:alice@localhost"), found);
                String trace = carol.fetchWithStatus(portal + "api/v1/admin/accounts/alice/calls/" + callId + "/trace", "GET", null);
                assertTrue(trace.startsWith("200 Call-ID: " + callId), trace);
                String noReason = carol.fetchWithStatus(portal + "api/v1/admin/accounts/bob/block", "POST", "{\"reason\":\"\"}");
                assertEquals("400 {\"message\":\"A reason is required.\"}", noReason);
                String audit = carol.fetchWithStatus(portal + "api/v1/admin/audit?account=alice&actor=carol", "GET", null);
                assertTrue(audit.startsWith("200 ") && audit.contains("TRACE_VIEWED"), audit);
            } finally {
                assertEquals(200, DigestClient.register(alicePhone, "alice", "*", "demo-alice-1", 0));
            }

            blockAndUnblockBob(carol, portal);
            recordAPurchaseForBob(carol, portal);
        }
    }

    private static void blockAndUnblockBob(PortalBrowser carol, String portal) throws Exception {
        RunCommand service = RunningService.command();
        KeycloakAdmin keycloak = new KeycloakAdmin(service.keycloakPort);
        String bobId = keycloak.userId("bob").orElseThrow();
        try (DatagramSocket bobPhone = RawSip.udpSocket()) {
            String bobContact = "sip:bob@" + RawSip.HOST + ":" + bobPhone.getLocalPort();
            assertEquals(200, DigestClient.register(bobPhone, "bob", "<" + bobContact + ">", "demo-bob-1", 3600));
            carol.open(portal + "admin/account.xhtml?user=bob");
            assertTrue(carol.text().contains(bobContact), carol.text());

            act(carol, "block", "Sent spam calls (test)");
            carol.waitForText("blocked: it can't register, call or send");
            assertEquals("BLOCKED", carol.find("#account-status").getText());
            assertFalse(carol.text().contains(bobContact), "his binding is gone: " + carol.text());
            assertTrue(carol.text().contains("No phone is registered."), carol.text());
            assertWithinTablet(carol.tabletScreenshots("admin-account-blocked"), "blocked account");
            try {
                assertEquals(403, DigestClient.register(bobPhone, "bob", "<" + bobContact + ">", "demo-bob-1", 3600),
                        "a blocked account can't register");
                assertFalse(keycloak.userEnabled(bobId), "his web login is disabled");
                OidcBrowser.Page refused = new OidcBrowser().login(portal, "bob", "demo-bob-1");
                assertEquals(service.keycloakPort, refused.uri().getPort(), "still at Keycloak: " + refused.uri());
                assertFalse(refused.body().contains("sip:bob@localhost"), refused.body());
            } finally {
                carol.open(portal + "admin/account.xhtml?user=bob");
                act(carol, "unblock", "Cleared after the test");
                carol.waitForText("unblocked");
            }
            assertEquals("ACTIVE", carol.find("#account-status").getText());
            assertTrue(keycloak.userEnabled(bobId), "his web login is back");
            assertEquals(200, DigestClient.register(bobPhone, "bob", "<" + bobContact + ">", "demo-bob-1", 3600));
            assertEquals(200, DigestClient.register(bobPhone, "bob", "*", "demo-bob-1", 0));
            OidcBrowser.Page home = new OidcBrowser().login(portal, "bob", "demo-bob-1");
            assertTrue(home.body().contains("sip:bob@localhost"), home.body());
        }
    }

    private static void recordAPurchaseForBob(PortalBrowser carol, String portal) throws Exception {
        try {
            carol.open(portal + "admin/account.xhtml?user=bob");
            carol.find("input[id='purchase:amount']").sendKeys("12.50");
            carol.find("input[id='purchase:fullName']").sendKeys("Bob Demo");
            carol.find("textarea[id='purchase:billingAddress']").sendKeys("1 Test Street, Testville");
            carol.find("button[id='purchase:record']").click();
            // No reason: refused beside the field, nothing recorded.
            carol.waitForText("A reason is required.");
            carol.find("input[id='purchase:amount']").clear();
            carol.find("input[id='purchase:amount']").sendKeys("12.50");
            carol.find("input[id='purchase:purchase-reason']").sendKeys("Paid by bank transfer");
            carol.find("button[id='purchase:record']").click();
            carol.waitForText("Purchase recorded: 12.50 EUR");

            carol.find("#money-records").click();
            carol.waitForText("Money records of an account");
            assertTrue(carol.text().contains("12.50 EUR"), carol.text());
            assertTrue(carol.text().contains("1 Test Street, Testville"), carol.text());
            assertWithinTablet(carol.tabletScreenshots("admin-deletions"), "deletions");
        } finally {
            // AccountDeletionIT deletes bob later and expects an account without money records.
            ServiceDatabase.update("DELETE FROM purchase WHERE account_id = (SELECT id FROM account WHERE sip_user = ?)", "bob");
        }
    }

    @Test
    void aSubscriberIsRefusedTheConsoleAndItsApi() throws Exception {
        PortalBrowser.assumeInstalled();
        String portal = RunningService.portal();
        try (PortalBrowser alice = new PortalBrowser().login(portal, "alice", "demo-alice-1")) {
            alice.open(portal + "admin/index.xhtml");
            assertTrue(alice.text().contains("This page is for support staff only."), alice.text());
            alice.open(portal + "admin/account.xhtml?user=bob");
            assertTrue(alice.text().contains("This page is for support staff only."), alice.text());
            alice.open(portal + "admin/abuse.xhtml");
            assertTrue(alice.text().contains("This page is for support staff only."), alice.text());
            // No web.xml rule guards the API: the services' @RolesAllowed refuse her, and the answer is JSON.
            assertEquals("403 {\"message\":\"Support staff only.\"}",
                    alice.fetchWithStatus(portal + "api/v1/admin/accounts?q=", "GET", null));
            assertEquals("403 {\"message\":\"Support staff only.\"}",
                    alice.fetchWithStatus(portal + "api/v1/admin/accounts/bob", "GET", null));
            assertEquals("403 {\"message\":\"Support staff only.\"}",
                    alice.fetchWithStatus(portal + "api/v1/admin/accounts/bob/block", "POST", "{\"reason\":\"mine now\"}"));
            assertEquals("403 {\"message\":\"Support staff only.\"}",
                    alice.fetchWithStatus(portal + "api/v1/admin/audit", "GET", null));
            alice.tabletScreenshots("admin-refused");
        }
        OidcBrowser.Page bob = new OidcBrowser().login(portal, "bob", "demo-bob-1");
        assertTrue(bob.body().contains("sip:bob@localhost"), "bob was not blocked by alice: " + bob.body());
    }

    private static void act(PortalBrowser carol, String button, String reason) {
        WebElement field = carol.find("input[id='actions:reason']");
        field.clear();
        field.sendKeys(reason);
        carol.find("button[id='actions:" + button + "']").click();
        carol.find("#main");
    }

    private static long number(PortalBrowser browser, String css) {
        return Long.parseLong(browser.find(css).getText().trim());
    }

    private static void assertWithinTablet(long width, String page) {
        assertTrue(width <= PortalBrowser.TABLET_WIDTH, page + " scrolls sideways at 768 px: " + width + " px wide");
    }
}
