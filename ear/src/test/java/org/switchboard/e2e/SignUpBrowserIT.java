package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * Sign-up in a real browser against the service the run command started: a visitor is refused a
 * reserved, a taken (an account's, and a staff login's that has no account) and a malformed SIP
 * user name, each with the message beside the field; signs up; signs in through Keycloak and finds
 * the SIP account opened at that first login; sets a SIP password and registers a phone with it
 * (raw UDP, digest); edits the display name and email, which Keycloak then has too.
 */
@ExtendWith(RunningService.class)
class SignUpBrowserIT {

    private static final String WEB_PASSWORD = "Web-pass-2026";

    @Test
    void visitorSignsUpIsProvisionedAndRegistersAPhone() throws Exception {
        PortalBrowser.assumeInstalled();
        String portal = RunningService.portal();
        String user = "dave-" + letters(6);
        try (PortalBrowser visitor = new PortalBrowser()) {
            visitor.open(portal + "signup.xhtml");
            assertTrue(visitor.text().contains("Sign up"), visitor.text());
            PortalBrowser.assertWithin360(visitor.screenshots("signup"), "signup");

            signUp(visitor, "admin", user + "@example.org");
            assertEquals("'admin' is reserved. Choose another name.", besideField(visitor, "sip-user"));
            PortalBrowser.assertWithin360(visitor.screenshots("signup-refused"), "signup-refused");

            signUp(visitor, "alice", user + "@example.org");
            assertEquals("'alice' is taken. Choose another name.", besideField(visitor, "sip-user"));

            // carol is a Keycloak login without a SIP account: taken all the same.
            signUp(visitor, "carol", user + "@example.org");
            assertEquals("'carol' is taken. Choose another name.", besideField(visitor, "sip-user"));

            signUp(visitor, "Dave!", user + "@example.org");
            assertTrue(besideField(visitor, "sip-user").startsWith("Use lower-case letters, digits"), visitor.text());

            signUp(visitor, user, "not an address");
            assertTrue(besideField(visitor, "email").startsWith("Enter an email address"), visitor.text());

            signUp(visitor, user, user + "@example.org");
            assertEquals("sip:" + user + "@localhost", visitor.find("#new-address").getText(), visitor.text());
            PortalBrowser.assertWithin360(visitor.screenshots("signup-done"), "signup-done");
        }

        String sipPassword = "Sip-" + letters(4) + "-42-" + letters(4);
        try (PortalBrowser dave = new PortalBrowser().login(portal, user, WEB_PASSWORD)) {
            assertTrue(dave.text().contains("sip:" + user + "@localhost"), "opened at the first login: " + dave.text());

            dave.open(portal + "account.xhtml");
            dave.find("input[id='sip-password:new-password']").sendKeys(sipPassword);
            dave.find("input[id='sip-password:repeat']").sendKeys(sipPassword);
            dave.find("button[id='sip-password:change']").click();
            dave.waitForText("SIP password changed.");
            try (DatagramSocket phone = RawSip.udpSocket()) {
                String contact = "<sip:" + user + "@" + RawSip.HOST + ":" + phone.getLocalPort() + ">";
                assertEquals(200, DigestClient.register(phone, user, contact, sipPassword, 3600), "registered with the new account");
                dave.open(portal + "devices.xhtml");
                assertTrue(dave.text().contains("sip:" + user + "@" + RawSip.HOST + ":" + phone.getLocalPort()), dave.text());
                assertEquals(200, DigestClient.register(phone, user, "*", sipPassword, 0));
            }

            // Contact details: a bad email is refused beside its field; good ones are saved, the email in Keycloak too.
            dave.open(portal + "account.xhtml");
            editContact(dave, "Dave Tester", "no-at-sign");
            assertTrue(besideField(dave, "contact", "email").startsWith("Enter an email address"), dave.text());
            PortalBrowser.assertWithin360(dave.screenshots("account-contact-refused"), "account-contact-refused");
            editContact(dave, "Dave Tester", user + "@example.net");
            dave.waitForText("Contact details saved.");
            assertEquals("Dave Tester", dave.find("#display-name").getText());
            assertEquals(user + "@example.net", dave.find("#email").getText());
            // alice's email is taken.
            editContact(dave, "Dave Tester", "alice@localhost");
            assertEquals("This email belongs to another account.", besideField(dave, "contact", "email"));
        }
        KeycloakAdmin keycloak = new KeycloakAdmin(RunningService.command().keycloakPort);
        assertEquals(user + "@example.net", keycloak.userEmail(user));
    }

    private static void signUp(PortalBrowser visitor, String sipUser, String email) {
        type(visitor, "signup:sip-user", sipUser);
        type(visitor, "signup:first-name", "Dave");
        type(visitor, "signup:last-name", "Visitor");
        type(visitor, "signup:email", email);
        type(visitor, "signup:password", WEB_PASSWORD);
        type(visitor, "signup:repeat", WEB_PASSWORD);
        visitor.find("button[id='signup:create']").click();
        visitor.find("#main");
    }

    private static void editContact(PortalBrowser browser, String displayName, String email) {
        type(browser, "contact:display-name", displayName);
        type(browser, "contact:email", email);
        browser.find("button[id='contact:save']").click();
        browser.find("#main");
    }

    private static void type(PortalBrowser browser, String id, String text) {
        WebElement field = browser.find("input[id='" + id + "']");
        field.clear();
        field.sendKeys(text);
    }

    /** The error its p:message shows beside the field (in the field's own box, under it). */
    private static String besideField(PortalBrowser browser, String form, String field) {
        return browser.find("input[id='" + form + ":" + field + "'] ~ .ui-message-error").getText().trim();
    }

    private static String besideField(PortalBrowser browser, String field) {
        return besideField(browser, "signup", field);
    }

    private static String letters(int n) {
        Random random = new Random();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }
}
