package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The self-care portal in a real browser (headless Chromium) against the service the run command
 * started: alice calls bob through SIPp, finds the call in her history, its CSV export and its
 * ladder diagram; her voicemail setting survives a new login; she changes her SIP password and
 * registers with it, and sees the phone under Devices. Every page is photographed at desktop and
 * 360 px width (target/screenshots) and must not scroll sideways at 360 px.
 */
@ExtendWith(RunningService.class)
class PortalBrowserIT {

    private static final String ALICE_PASSWORD = "demo-alice-1";

    @Test
    void aliceFindsHerCallInHistoryCsvAndTraceLadder() throws Exception {
        PortalBrowser.assumeInstalled();
        ExternalPeer.assumeInstalled("sipp");
        String callId = ProxyCallsIT.aliceCallsBobAnswered("portal");
        String portal = RunningService.portal();
        try (PortalBrowser alice = new PortalBrowser().login(portal, "alice", ALICE_PASSWORD)) {
            // The CDR recorder writes in batches: reload until the call is there.
            long deadline = System.currentTimeMillis() + 20_000;
            do {
                alice.open(portal + "history.xhtml");
            } while (!alice.text().contains(callId) && System.currentTimeMillis() < deadline);
            String history = alice.text();
            assertTrue(history.contains(callId), history);
            assertTrue(history.contains("sip:bob@localhost"), history);
            assertTrue(history.contains("answered"), history);
            assertTrue(history.contains("127.0.0.1:6000"), "her media address: " + history);
            PortalBrowser.assertWithin360(alice.screenshots("history"), "history");

            String csvUrl = alice.find("a[id='filter:export-csv']").getAttribute("href");
            String csv = alice.fetch(csvUrl);
            assertTrue(csv.startsWith("id,call_id,"), csv);
            String row = csv.lines().filter(line -> line.contains(callId)).findFirst().orElseThrow(
                    () -> new AssertionError("no row for " + callId + " in\n" + csv));
            assertTrue(row.contains(",OUT,sip:bob@localhost,"), row);
            assertTrue(row.contains("answered"), row);

            alice.open(portal + "calls.xhtml");
            PortalBrowser.assertWithin360(alice.screenshots("calls"), "calls");
            alice.driver.findElement(By.linkText(callId)).click();
            WebElement ladder = alice.find("#ladder svg.sb-ladder");
            List<WebElement> arrows = ladder.findElements(By.cssSelector("a.message"));
            assertTrue(arrows.size() >= 10, "an arrow per message: " + arrows.size());
            assertFalse(ladder.findElements(By.cssSelector("a.message.request")).isEmpty());
            assertFalse(ladder.findElements(By.cssSelector("a.message.provisional")).isEmpty());
            assertFalse(ladder.findElements(By.cssSelector("a.message.success")).isEmpty());
            String ladderText = ladder.getText();
            assertTrue(ladderText.contains("Switchboard proxy") && ladderText.contains("INVITE") && ladderText.contains("180 INVITE"),
                    ladderText);
            PortalBrowser.assertWithin360(alice.screenshots("trace"), "trace");

            // One click on the first arrow (alice's INVITE) opens its raw text.
            WebElement invite = ladder.findElement(By.cssSelector("a.message.request"));
            String messageId = invite.getAttribute("data-message-id");
            invite.click();
            WebElement raw = alice.find("details[id='msg-" + messageId + "'][open] pre");
            assertTrue(raw.getText().startsWith("INVITE sip:bob@localhost SIP/2.0"), raw.getText());
            alice.screenshots("trace-message");

            String text = alice.fetch(alice.find("#download-trace").getAttribute("href"));
            assertTrue(text.startsWith("Call-ID: " + callId), text);
            assertTrue(text.contains("IN UDP 127.0.0.1:"), text);
            assertTrue(text.contains("INVITE sip:bob@localhost SIP/2.0"), text);
            assertTrue(text.contains("SIP/2.0 200 OK"), text);
        }
    }

    @Test
    void voicemailSettingSticksAfterANewLogin() throws Exception {
        String portal = RunningService.portal();
        boolean before;
        try (PortalBrowser alice = new PortalBrowser().login(portal, "alice", ALICE_PASSWORD)) {
            alice.open(portal + "voicemail.xhtml");
            before = alice.find("input[id='voicemail-settings:enabled_input']").isSelected();
            alice.find("div[id='voicemail-settings:enabled'] .ui-chkbox-box").click();
            alice.find("button[id='voicemail-settings:save']").click();
            alice.waitForText("Voicemail settings saved.");
            PortalBrowser.assertWithin360(alice.screenshots("voicemail"), "voicemail");
        }
        try (PortalBrowser again = new PortalBrowser().login(portal, "alice", ALICE_PASSWORD)) {
            again.open(portal + "voicemail.xhtml");
            assertEquals(!before, again.find("input[id='voicemail-settings:enabled_input']").isSelected(),
                    "the changed setting after a new login");
            // Put it back for the other tests.
            again.find("div[id='voicemail-settings:enabled'] .ui-chkbox-box").click();
            again.find("button[id='voicemail-settings:save']").click();
            again.waitForText("Voicemail settings saved.");
        }
    }

    @Test
    void aliceChangesHerSipPasswordAndRegistersWithIt() throws Exception {
        String portal = RunningService.portal();
        String newPassword = "Sip-" + UUID.randomUUID().toString().substring(0, 12);
        try (PortalBrowser alice = new PortalBrowser().login(portal, "alice", ALICE_PASSWORD)) {
            alice.open(portal + "account.xhtml");
            assertTrue(alice.text().contains("sip:alice@localhost"), alice.text());
            assertTrue(alice.find("#phone-proxy").getText().startsWith("127.0.0.1:" + RawSip.port()), alice.find("#phone-proxy").getText());
            PortalBrowser.assertWithin360(alice.screenshots("account"), "account");

            setSipPassword(alice, portal, "short1", "short1");
            // Beside the field (its p:message), not only as a notice.
            assertTrue(alice.find(".ui-message-error").getText().contains("Use at least 10 characters."), alice.text());
            alice.screenshots("account-weak-password");

            try {
                // The registrar now holds alice's credentials in memory (for an hour): the change
                // below must reach it at once, not when that entry expires.
                try (DatagramSocket phone = RawSip.udpSocket()) {
                    String contact = "<sip:alice@" + RawSip.HOST + ":" + phone.getLocalPort() + ">";
                    assertEquals(200, DigestClient.register(phone, "alice", contact, "demo-alice-1", 3600), "registered with the old password");
                    assertEquals(200, DigestClient.register(phone, "alice", "*", "demo-alice-1", 0));
                }
                setSipPassword(alice, portal, newPassword, newPassword);
                alice.waitForText("SIP password changed.");
                try (DatagramSocket phone = RawSip.udpSocket()) {
                    String contact = "<sip:alice@" + RawSip.HOST + ":" + phone.getLocalPort() + ">";
                    assertNotEquals(200, DigestClient.register(phone, "alice", contact, "demo-alice-1", 3600), "the old password no longer works");
                    assertEquals(200, DigestClient.register(phone, "alice", contact, newPassword, 3600), "registered with the new password");

                    alice.open(portal + "devices.xhtml");
                    assertTrue(alice.text().contains("sip:alice@" + RawSip.HOST + ":" + phone.getLocalPort()), alice.text());
                    assertTrue(alice.text().contains("UDP"), alice.text());
                    PortalBrowser.assertWithin360(alice.screenshots("devices"), "devices");
                    // "Unregister this device": gone from the page and from the location service.
                    alice.find("button.sb-unregister").click();
                    alice.waitForText("Device unregistered.");
                    assertFalse(alice.text().contains("sip:alice@" + RawSip.HOST + ":" + phone.getLocalPort()), alice.text());
                    assertTrue(alice.text().contains("No phone is registered."), alice.text());
                    // The proxy tests expect alice to have no phone, whatever happened above.
                    assertEquals(200, DigestClient.register(phone, "alice", "*", newPassword, 0));
                }
            } finally {
                setSipPassword(alice, portal, ALICE_PASSWORD, ALICE_PASSWORD);
                alice.waitForText("SIP password changed.");
            }
        }
    }

    @Test
    void everyOtherPageAtDesktopAndPhoneWidth() throws Exception {
        String portal = RunningService.portal();
        try (PortalBrowser alice = new PortalBrowser().login(portal, "alice", ALICE_PASSWORD)) {
            assertTrue(alice.text().contains("sip:alice@localhost"));
            PortalBrowser.assertWithin360(alice.screenshots("home"), "home");

            alice.open(portal + "privacy.xhtml");
            String privacy = alice.text();
            assertTrue(privacy.contains("Session traces") && privacy.contains("days"), privacy);
            assertTrue(privacy.contains("years after each purchase"), privacy);
            PortalBrowser.assertWithin360(alice.screenshots("privacy"), "privacy");

            alice.open(portal + "delete.xhtml");
            assertTrue(alice.text().contains("kept seven years"), alice.text());
            alice.find("button[id='deletion-form:request-deletion']").click();
            alice.waitForText("Type your SIP address, sip:alice@localhost, to confirm.");
            PortalBrowser.assertWithin360(alice.screenshots("delete"), "delete");

            // Another account's Call-ID: the page answers "not found", like a made-up one.
            alice.open(portal + "trace.xhtml?callId=not-hers-" + UUID.randomUUID());
            assertTrue(alice.text().contains("Not found"), alice.text());
            assertFalse(alice.text().contains("Exception"), alice.text());
            alice.screenshots("not-found");
        }
    }

    private static void setSipPassword(PortalBrowser browser, String portal, String password, String repeat) {
        browser.open(portal + "account.xhtml");
        browser.find("input[id='sip-password:new-password']").sendKeys(password);
        browser.find("input[id='sip-password:repeat']").sendKeys(repeat);
        browser.find("button[id='sip-password:change']").click();
        browser.find("#main");
    }
}
