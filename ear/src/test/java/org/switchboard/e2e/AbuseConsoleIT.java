package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Support at the admin console's Abuse page, in a real browser against the service the run command
 * started: an address banned for a flood of OPTIONS (three times, so that its ban lasts the 20 s of
 * e2e.properties' ban-max-seconds and shows three strikes) is listed and lifted, and is answered at
 * once; alice's flag for registering from a fourth network is listed and cleared; both are in the
 * audit log under carol. Sign-ups from one address (curl bound to 127.0.0.14) stop at the day's
 * limit with a message on the page and no login made, and the console shows the count and limit.
 */
@ExtendWith(RunningService.class)
class AbuseConsoleIT {

    private static final String FLOODER = "127.0.0.11";
    private static final String SIGN_UP_ADDRESS = "127.0.0.14";
    /** switchboard.signup.per-address-per-day in switchboard.properties (e2e.properties keeps it). */
    private static final int SIGN_UP_LIMIT = 5;
    /** e2e.properties: 5 s, doubled per strike, at most 20 s. */
    private static final long THIRD_BAN_MILLIS = 20_000;

    @Test
    void carolSeesAndLiftsABanAndClearsAFlag() throws Exception {
        PortalBrowser.assumeInstalled();
        String portal = RunningService.portal();
        try (PortalBrowser carol = new PortalBrowser().login(portal, "carol", "demo-carol-1")) {
            flagAliceForAFourthNetwork();

            banFlooder();
            AbuseDefenceIT.awaitAnswered(FLOODER);
            banFlooder();
            AbuseDefenceIT.awaitAnswered(FLOODER);
            long thirdBan = banFlooder();

            carol.open(portal + "admin/abuse.xhtml");
            WebElement ban = row(carol, "bans", FLOODER);
            assertTrue(ban.getText().contains("more than 16 requests in 2000 ms"), ban.getText());
            assertEquals("3", strikes(ban), "three strikes: " + ban.getText());
            ban.findElement(By.tagName("button")).click();
            carol.waitForText("Ban of " + FLOODER + " lifted");
            assertNotNull(AbuseDefenceIT.optionsFrom(FLOODER, 1000), "answered again after the lift");
            assertTrue(System.currentTimeMillis() - thirdBan < THIRD_BAN_MILLIS,
                    "the ban would have ended by itself by now, so the answer proves nothing about the lift");
            assertFalse(carol.find("[id='bans-form:bans']").getText().contains(FLOODER), carol.text());

            // Lifting forgot the strikes: the next ban is a first one. The page shows it and the flag.
            banFlooder();
            carol.open(portal + "admin/abuse.xhtml");
            assertEquals("1", strikes(row(carol, "bans", FLOODER)), carol.text());
            WebElement flag = flagRow(carol);
            assertTrue(flag.getText().contains("Registered from too many networks (limit 3)"), flag.getText());
            long width = carol.tabletScreenshots("admin-abuse");
            assertTrue(width <= PortalBrowser.TABLET_WIDTH, "admin-abuse scrolls sideways at 768 px: " + width + " px wide");

            flagRow(carol).findElement(By.tagName("button")).click();
            carol.waitForText("flag(s) of sip:alice@localhost for too many networks.");
            assertTrue(carol.find("[id='flags-form:flags']").findElements(
                    By.xpath(".//tr[contains(., 'sip:alice@localhost') and contains(., 'too many networks')]")).isEmpty(),
                    carol.text());
            assertEquals(0L, ((Number) ServiceDatabase.query("SELECT COUNT(*) AS n FROM abuse_flag f JOIN account a ON a.id = f.account_id"
                    + " WHERE a.sip_user = 'alice' AND f.kind = 'LOCATIONS' AND f.cleared_at IS NULL").get(0).get("n")).longValue());
        }
        assertFalse(ServiceDatabase.query("SELECT id FROM audit_entry WHERE actor = 'carol' AND action = 'ADDRESS_BAN_LIFTED'"
                + " AND target = ? AND detail LIKE 'strike 3,%'", FLOODER).isEmpty(), "the lift is audited");
        assertFalse(ServiceDatabase.query("SELECT id FROM audit_entry WHERE actor = 'carol' AND action = 'ABUSE_FLAG_CLEARED'"
                + " AND detail LIKE 'LOCATIONS:%'").isEmpty(), "the clearing is audited");
    }

    @Test
    void signUpsFromOneAddressStopAtTheDaysLimit() throws Exception {
        ExternalPeer.assumeInstalled("curl");
        PortalBrowser.assumeInstalled();
        String portal = RunningService.portal().replace("localhost", "127.0.0.1");
        String prefix = "many-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        Path dir = Files.createTempDirectory("signups");
        for (int i = 1; i <= SIGN_UP_LIMIT; i++) {
            String page = signUp(dir, portal, prefix + i);
            assertTrue(page.contains("sip:" + prefix + i + "@localhost"), "sign-up " + i + " done:\n" + page);
        }
        String refused = signUp(dir, portal, prefix + "over");
        assertTrue(refused.contains("Too many sign-ups from your network address today (at most " + SIGN_UP_LIMIT + " a day)."
                + " No account was made; please try again tomorrow."), refused);
        KeycloakAdmin keycloak = new KeycloakAdmin(RunningService.command().keycloakPort);
        assertTrue(keycloak.userId(prefix + "over").isEmpty(), "no login was made over the limit");
        assertTrue(keycloak.userId(prefix + "1").isPresent(), "the first one was made");

        try (PortalBrowser carol = new PortalBrowser().login(RunningService.portal(), "carol", "demo-carol-1")) {
            carol.open(RunningService.portal() + "admin/abuse.xhtml");
            assertEquals(Integer.toString(SIGN_UP_LIMIT), carol.find("#signup-limit").getText());
            WebElement count = row(carol, "signups", SIGN_UP_ADDRESS);
            assertTrue(count.getText().contains(SIGN_UP_LIMIT + " (limit reached)"), count.getText());
        }
    }

    /** alice registers from three networks (each loopback address is one here), then a fourth: 403 and a flag. */
    private static void flagAliceForAFourthNetwork() throws Exception {
        List<LoopbackPeer> phones = new ArrayList<>();
        try (LoopbackPeer home = new LoopbackPeer(RawSip.HOST)) {
            // Start from no bindings of alice (an earlier test may have left one from 127.0.0.1).
            assertEquals(200, RawSip.status(home.register("alice", "demo-alice-1", "*", 0)));
            for (String address : List.of("127.0.0.21", "127.0.0.22", "127.0.0.23", "127.0.0.24")) {
                phones.add(new LoopbackPeer(address));
            }
            for (LoopbackPeer phone : phones.subList(0, 3)) {
                assertEquals(200, RawSip.status(phone.register("alice", "demo-alice-1", contact(phone), 600)), phone.address);
            }
            String refused = phones.get(3).register("alice", "demo-alice-1", contact(phones.get(3)), 600);
            assertEquals(403, RawSip.status(refused), refused);
            for (LoopbackPeer phone : phones.subList(0, 3)) {
                assertEquals(200, RawSip.status(phone.register("alice", "demo-alice-1", contact(phone), 0)), phone.address);
            }
        } finally {
            phones.forEach(LoopbackPeer::close);
        }
        ServiceDatabase.awaitRows("SELECT f.id FROM abuse_flag f JOIN account a ON a.id = f.account_id"
                + " WHERE a.sip_user = 'alice' AND f.kind = 'LOCATIONS' AND f.cleared_at IS NULL", rows -> !rows.isEmpty(), 10_000);
    }

    private static String contact(LoopbackPeer phone) {
        return "<sip:alice@" + phone.address + ":" + phone.port() + ">";
    }

    /** 30 OPTIONS at once from the flooder (the flood rule is more than 16 in 2 s): banned; when it was. */
    private static long banFlooder() throws Exception {
        try (LoopbackPeer flooder = new LoopbackPeer(FLOODER)) {
            for (int i = 0; i < 30; i++) {
                RawSip.send(flooder.socket, flooder.request("OPTIONS", "sip:" + RawSip.HOST + ":" + RawSip.port(), ""));
            }
        }
        long banned = System.currentTimeMillis();
        assertNull(AbuseDefenceIT.optionsFrom(FLOODER, 1000), "the flooder is still answered");
        return banned;
    }

    private static WebElement row(PortalBrowser browser, String table, String text) {
        String id = "bans".equals(table) ? "bans-form:bans" : table;
        return browser.find("[id='" + id + "']").findElement(By.xpath(".//tbody/tr[contains(., '" + text + "')]"));
    }

    private static String strikes(WebElement banRow) {
        return banRow.findElement(By.cssSelector(".sb-strikes")).getText().trim();
    }

    private static WebElement flagRow(PortalBrowser carol) {
        return carol.find("[id='flags-form:flags']").findElement(
                By.xpath(".//tbody/tr[contains(., 'sip:alice@localhost') and contains(., 'too many networks')]"));
    }

    /** One sign-up through the real form, as a visitor at {@link #SIGN_UP_ADDRESS}: the page it answers. */
    private static String signUp(Path dir, String portal, String sipUser) throws Exception {
        Path jar = dir.resolve(sipUser + ".cookies");
        Path form = dir.resolve(sipUser + "-form.html");
        curl(dir, List.of("-c", jar.toString(), "-o", form.toString(), portal + "signup.xhtml"));
        String password = "Web-pass-2026";
        JsfForm.Filled filled = JsfForm.fill(URI.create(portal + "signup.xhtml"), Files.readString(form), "signup", "create",
                Map.of("sip-user", sipUser, "first-name", "Many", "last-name", "Signups", "email", sipUser + "@example.org",
                        "password", password, "repeat", password));
        List<String> args = new ArrayList<>(List.of("-b", jar.toString(), "-c", jar.toString()));
        filled.fields().forEach((name, value) -> args.addAll(List.of("--data-urlencode", name + "=" + value)));
        Path answer = dir.resolve(sipUser + "-answer.html");
        args.addAll(List.of("-o", answer.toString(), filled.action().toString()));
        curl(dir, args);
        return Files.readString(answer, StandardCharsets.UTF_8);
    }

    private static void curl(Path dir, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "60", "--interface", SIGN_UP_ADDRESS));
        command.addAll(args);
        ExternalPeer.Result result = ExternalPeer.run(dir, 90, command);
        assertEquals(0, result.exitCode(), command + ": " + result.output());
    }
}
