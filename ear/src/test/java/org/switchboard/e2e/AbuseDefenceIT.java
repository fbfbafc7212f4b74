package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attackers on their own loopback addresses, their victims beside them on 127.0.0.1 (never banned
 * in e2e.properties, which also makes bans 5 s long): SIPVicious's password cracker and extension
 * scanner, and a SIPp flood. Debian packages sipvicious and sip-tester; skipped without them.
 */
@ExtendWith(RunningService.class)
class AbuseDefenceIT {

    private static final Path SCENARIOS = Path.of("src/test/sipp").toAbsolutePath();
    private static final int BAN_SECONDS = 5;

    private static String target() {
        return "udp://" + RawSip.HOST + ":" + RawSip.port();
    }

    @Test
    void svcrackIsBannedWhileAliceRegistersAndIsAnsweredAgainAfterTheBan() throws Exception {
        ExternalPeer.assumeInstalled("svcrack");
        awaitAnswered("127.0.0.2");
        Path dir = Files.createTempDirectory("svcrack");
        List<String> guesses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            guesses.add("guess-" + i);
        }
        guesses.add("demo-alice-1"); // the right one, after far more wrong ones than the threshold
        Path dictionary = Files.write(dir.resolve("passwords.txt"), guesses);

        AtomicBoolean attacking = new AtomicBoolean(true);
        List<String> aliceReplies = new CopyOnWriteArrayList<>();
        Thread alice = new Thread(() -> {
            try (LoopbackPeer phone = new LoopbackPeer(RawSip.HOST)) {
                while (attacking.get()) {
                    String reply = phone.register("alice", "demo-alice-1", "<sip:alice@127.0.0.1:" + phone.port() + ">", 0);
                    aliceReplies.add(reply == null ? "no reply" : reply.lines().findFirst().orElse(""));
                    Thread.sleep(300);
                }
            } catch (Exception e) {
                aliceReplies.add("failed: " + e);
            }
        });
        alice.start();
        ExternalPeer.Result crack;
        try {
            // -t 0.25: about 4 guesses a second, under the flood limit, so the failed answers ban it.
            crack = ExternalPeer.run(dir, 120, sipvicious("svcrack", "127.0.0.2", "-u", "alice", "-d", dictionary.toString(),
                    "--domain=localhost", "--maximumtime=3", "-t", "0.25", target()));
        } finally {
            attacking.set(false);
            alice.join(10_000);
        }
        assertFalse(crack.output().contains("demo-alice-1"), "svcrack found the password:\n" + crack.output());
        // It stopped because its guesses went unanswered (dropped), not for want of passwords.
        assertTrue(crack.output().contains("since we last received a response"), crack.output());
        List<Map<String, Object>> bans = ServiceDatabase.awaitRows(
                "SELECT detail FROM audit_entry WHERE action = 'ADDRESS_BANNED' AND target = ?",
                rows -> !rows.isEmpty(), 10_000, "127.0.0.2");
        assertTrue(bans.stream().anyMatch(r -> r.get("detail").toString().contains("failed authentications")), bans.toString());
        assertFalse(aliceReplies.isEmpty());
        assertTrue(aliceReplies.stream().allMatch(r -> r.startsWith("SIP/2.0 200")), "alice's own REGISTERs: " + aliceReplies);
        awaitAnswered("127.0.0.2");
    }

    @Test
    void svwarFindsNoneOfTheDemoUsersByRegister() throws Exception {
        ExternalPeer.assumeInstalled("svwar");
        awaitAnswered("127.0.0.4");
        Path dir = Files.createTempDirectory("svwar");
        // Few names, so that the scan itself stays under the flood limit and gets every answer.
        Path dictionary = Files.write(dir.resolve("users.txt"), List.of("alice", "bob", "carol", "admin", "1000"));
        // svwar first compares a random name's answer with a known-bad one's; it gives up when an
        // unknown name is challenged like the others. --force makes it scan anyway.
        for (List<String> extra : List.of(List.<String>of(), List.of("--force"))) {
            List<String> args = new ArrayList<>(List.of("-d", dictionary.toString(), "-m", "REGISTER", "-t", "0.5",
                    "--maximumtime=5"));
            args.addAll(extra);
            args.add(target());
            ExternalPeer.Result scan = ExternalPeer.run(dir, 60, sipvicious("svwar", "127.0.0.4", args.toArray(String[]::new)));
            assertTrue(scan.output().contains("found nothing"), scan.output());
            for (String user : List.of("alice", "bob", "carol")) {
                assertFalse(scan.output().matches("(?s).*\\|\\s*" + user + "\\s*\\|.*"), user + " found:\n" + scan.output());
            }
        }
        assertNotNull(optionsFrom("127.0.0.4", 2000), "the scanner was banned, so the scan proves nothing");
    }

    @Test
    void aFloodOfOptionsIsBannedWhileBobsCallsGoOn() throws Exception {
        ExternalPeer.assumeInstalled("sipp");
        awaitAnswered("127.0.0.3");
        ProcessBuilder builder = new ProcessBuilder("sipp", RawSip.HOST + ":" + RawSip.port(), "-sf", "options-flood.xml",
                "-i", "127.0.0.3", "-p", "0", "-r", "2000", "-m", "8000", "-nostdin", "-timeout", "20s")
                .directory(SCENARIOS.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process flood = builder.start();
        List<String> bobCalls = new ArrayList<>();
        try (LoopbackPeer bob = new LoopbackPeer(RawSip.HOST); BusyPhone callee = new BusyPhone("127.0.0.5")) {
            Thread.sleep(300); // the flood is on
            for (int i = 0; i < 5; i++) {
                String callId = "flood-" + UUID.randomUUID();
                String target = "sip:someone@127.0.0.5:" + callee.port();
                String reply = bob.authenticatedInvite("bob", "demo-bob-1", target, callId);
                String fin = reply != null && RawSip.status(reply) >= 200 ? reply : bob.reply(callId, 2, true, 5000);
                bobCalls.add(fin == null ? "no answer" : fin.lines().findFirst().orElse(""));
                if (fin != null) {
                    RawSip.send(bob.socket, bob.ack("bob", target, callId, 2, RawSip.header(fin, "To"), RawSip.header(fin, "Via")));
                }
            }
            assertTrue(flood.isAlive() || flood.exitValue() >= 0);
            assertNull(optionsFrom("127.0.0.3", 1000), "the flooder is still answered");
        } finally {
            flood.destroy();
            flood.waitFor();
        }
        assertTrue(bobCalls.stream().allMatch(c -> c.startsWith("SIP/2.0 486")), "bob's calls during the flood: " + bobCalls);
        List<Map<String, Object>> bans = ServiceDatabase.awaitRows(
                "SELECT detail FROM audit_entry WHERE action = 'ADDRESS_BANNED' AND target = ?",
                rows -> !rows.isEmpty(), 10_000, "127.0.0.3");
        assertTrue(bans.get(0).get("detail").toString().contains("requests in"), bans.toString());
        awaitAnswered("127.0.0.3");
    }

    /**
     * Debian's svcrack or svwar from {@code address}: through bound.py, because sipvicious 0.3.3
     * ignores its own -b (binding) option and would send from 127.0.0.1.
     */
    private static List<String> sipvicious(String tool, String address, String... args) {
        ExternalPeer.assumeInstalled(tool);
        List<String> command = new ArrayList<>(List.of("python3",
                Path.of("src/test/sipvicious/bound.py").toAbsolutePath().toString(), tool, address));
        command.addAll(List.of(args));
        return command;
    }

    static String optionsFrom(String address, int millis) throws Exception {
        try (LoopbackPeer peer = new LoopbackPeer(address)) {
            return peer.options(millis);
        }
    }

    /** Waits (a repeated ban lasts at most ban-max-seconds, 20 s) until {@code address} is answered. */
    static void awaitAnswered(String address) throws Exception {
        long deadline = System.currentTimeMillis() + 25_000;
        while (System.currentTimeMillis() < deadline) {
            if (optionsFrom(address, 1000) != null) {
                return;
            }
        }
        throw new AssertionError(address + " not answered again within 25 s (bans here are " + BAN_SECONDS + " s)");
    }
}
