package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls that reach voicemail, end to end: bob's SIPp calls alice, whose voicemail answers and
 * records the G.711 speech SIPp streams (its own capture, g711a.pcap); the recording is stored as a
 * WAV of the length that was sent, mailed to alice at the demo mail server (read over IMAP) with
 * the WAV attached, and the CDR says VOICEMAIL with the recorded length. Also: busy and unanswered
 * phones divert, voicemail off gives the real outcome, storage off keeps no file once mailed.
 */
@ExtendWith(RunningService.class)
class VoicemailCallsIT {

    private static int callerPort() {
        return RawSip.port() + 10_020;
    }

    private static int alicePhonePort() {
        return RawSip.port() + 10_021;
    }

    private static int registerPort() {
        return RawSip.port() + 10_022;
    }

    /** SIPp's RTP port (its default, 6000, is shared with the other tests and checkouts). */
    private static int mediaPort() {
        return RawSip.port() + 10_030;
    }

    @BeforeEach
    void aliceHasNoPhone() throws Exception {
        ExternalPeer.assumeInstalled("sipp");
        Assumptions.assumeTrue(Files.exists(Voicemails.CAPTURE),
                Voicemails.CAPTURE + " is missing: apt-get install sip-tester (as .ci/run does)");
        Voicemails.unregister("alice", "demo-alice-1", registerPort());
    }

    @AfterAll
    static void voicemailAsOpened() throws Exception {
        Voicemails.settings("alice", true, true, false, null);
    }

    @Test
    void callToAbsentAliceLeavesAVoicemailThatIsStoredAndMailed() throws Exception {
        Voicemails.settings("alice", true, true, true, null);
        int mailsBefore = Voicemails.aliceMails();
        String callId = leaveVoicemail("absent");
        double sent = Voicemails.captureSeconds();

        Map<String, Object> cdr = cdr(callId);
        assertEquals("VOICEMAIL", cdr.get("disposition"));
        assertEquals(Voicemails.accountId("alice"), ((Number) cdr.get("callee_account_id")).longValue());
        assertNotNull(cdr.get("answer_time"));
        assertEquals(sent, ((Number) cdr.get("duration_seconds")).doubleValue(), 1.0, "the CDR's duration is the recording's: " + cdr);

        Map<String, Object> voicemail = voicemailOf(callId);
        assertEquals("sip:bob@localhost", voicemail.get("caller_uri"));
        byte[] stored = Files.readAllBytes(Voicemails.audioFile(voicemail));
        assertEquals(sent, Voicemails.wavSeconds(stored), 0.5, "stored WAV as long as the speech sent");
        assertTrue(Voicemails.peak(stored) > 2000, "speech, not silence");

        String mail = Voicemails.awaitAliceMail(mailsBefore + 1);
        assertTrue(mail.contains("Subject: Voicemail from sip:bob@localhost"), mail.substring(0, Math.min(800, mail.length())));
        byte[] attached = Voicemails.attachedWav(mail);
        assertEquals(sent, Voicemails.wavSeconds(attached), 0.5, "mailed WAV as long as the speech sent");
        assertTrue(Voicemails.peak(attached) > 2000, "mailed speech, not silence");
    }

    /** An INVITE without SDP: the voicemail's 200 offers, the ACK answers (RFC 3264), and the speech is recorded whole. */
    @Test
    void aLateOfferIsAnsweredInTheAckAndRecorded() throws Exception {
        Voicemails.settings("alice", true, true, true, null);
        String callId = callSucceeds("uac-voicemail-late-offer.xml", "late-offer");
        assertEquals("VOICEMAIL", cdr(callId).get("disposition"));
        byte[] stored = Files.readAllBytes(Voicemails.audioFile(voicemailOf(callId)));
        assertEquals(Voicemails.captureSeconds(), Voicemails.wavSeconds(stored), 0.5, "stored WAV as long as the speech sent");
        assertTrue(Voicemails.peak(stored) > 2000, "speech, not silence");
    }

    /** A late offer whose ACK brings no answer: the voicemail hangs up at once (the scenario awaits its BYE) and keeps nothing. */
    @Test
    void aLateOfferLeftUnansweredIsHungUp() throws Exception {
        Voicemails.settings("alice", true, true, true, null);
        String callId = callSucceeds("uac-voicemail-late-offer-no-answer.xml", "late-no-answer");
        Map<String, Object> cdr = cdr(callId);
        assertEquals("VOICEMAIL", cdr.get("disposition"), cdr.toString());
        assertEquals(0, ((Number) cdr.get("duration_seconds")).intValue(), cdr.toString());
        assertTrue(ServiceDatabase.query("SELECT id FROM voicemail WHERE account_id = ? AND received_at >= ?",
                Voicemails.accountId("alice"), cdr.get("start_time")).isEmpty(), "no voicemail from a call without media");
    }

    /** An offer without PCMU or PCMA (G.729 only): 488 with a Warning saying what the voicemail takes (the scenario checks it). */
    @Test
    void anOfferWithoutG711Gets488() throws Exception {
        Voicemails.settings("alice", true, true, true, null);
        String callId = callSucceeds("uac-voicemail-no-g711.xml", "no-g711");
        assertEquals(488, cdr(callId).get("failure_code"));
        assertTrue(ServiceDatabase.query("SELECT id FROM voicemail WHERE account_id = ? AND received_at >= ?",
                Voicemails.accountId("alice"), cdr(callId).get("start_time")).isEmpty(), "no voicemail from a refused call");
    }

    @Test
    void storageOffKeepsNoFileOnceMailed() throws Exception {
        Voicemails.settings("alice", true, true, false, null);
        int mailsBefore = Voicemails.aliceMails();
        Set<Path> filesBefore = Voicemails.audioFiles();
        String callId = leaveVoicemail("not-stored");
        Map<String, Object> voicemail = voicemailOf(callId);
        // The mail may already be out and the file gone (its reference cleared) by the time the row is read.

        Voicemails.attachedWav(Voicemails.awaitAliceMail(mailsBefore + 1));
        List<Map<String, Object>> after = ServiceDatabase.awaitRows("SELECT * FROM voicemail WHERE id = ?",
                rows -> rows.size() == 1 && rows.get(0).get("audio_ref") == null, 10_000, voicemail.get("id"));
        assertNull(after.get(0).get("audio_ref"), "reference cleared once mailed: " + after);
        Set<Path> left = Voicemails.audioFiles();
        left.removeAll(filesBefore);
        assertTrue(left.isEmpty(), "no audio file kept once mailed: " + left);
    }

    @Test
    void busyPhoneSendsTheCallToVoicemail() throws Exception {
        Voicemails.settings("alice", true, true, true, null);
        registerAlicePhone();
        Process phone = startAlicePhone("uas-busy.xml");
        String callId = leaveVoicemail("busy");
        assertPhoneDone(phone);
        assertEquals("VOICEMAIL", cdr(callId).get("disposition"));
        voicemailOf(callId);
    }

    /** Alice's phone rings; after her no-answer time (5 s here, below the test's 6 s Timer C) it is cancelled and voicemail answers. */
    @Test
    void unansweredPhoneIsCancelledAndVoicemailAnswers() throws Exception {
        Voicemails.settings("alice", true, true, true, 5);
        registerAlicePhone();
        Process phone = startAlicePhone("uas-cancelled.xml");
        long start = System.nanoTime();
        String callId = leaveVoicemail("no-answer");
        assertPhoneDone(phone); // it got the CANCEL and answered 487
        assertEquals("VOICEMAIL", cdr(callId).get("disposition"));
        Map<String, Object> answered = ServiceDatabase.query(
                "SELECT start_time, answer_time FROM call_detail_record WHERE call_id = ?", callId).get(0);
        long ringing = java.time.Duration.between(instant(answered.get("start_time")), instant(answered.get("answer_time"))).toMillis();
        assertTrue(ringing >= 4_500 && ringing < 6_000, "answered by voicemail after the 5 s no-answer time, got " + ringing + " ms");
        assertTrue(System.nanoTime() - start > TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void voicemailOffGivesTheRealOutcome() throws Exception {
        Voicemails.settings("alice", false, true, true, null);
        String absent = "off-absent-" + UUID.randomUUID();
        ExternalPeer.Result caller = call("uac-rejected-by.xml", absent);
        assertEquals(0, caller.exitCode(), caller.output());
        assertEquals(480, cdr(absent).get("failure_code"));

        registerAlicePhone();
        Process phone = startAlicePhone("uas-busy.xml");
        String busy = "off-busy-" + UUID.randomUUID();
        caller = call("uac-rejected-by.xml", busy);
        assertEquals(0, caller.exitCode(), caller.output());
        assertPhoneDone(phone);
        assertEquals("BUSY", cdr(busy).get("disposition"));
        assertEquals(486, cdr(busy).get("failure_code"));
    }

    // --- helpers -----------------------------------------------------------------------------

    /** Bob calls alice and speaks to her voicemail (uac-voicemail.xml); the Call-ID. */
    static String leaveVoicemail(String name) throws Exception {
        return callSucceeds("uac-voicemail.xml", name);
    }

    /** Bob's SIPp call to alice with {@code scenario}, which must pass; the Call-ID. */
    private static String callSucceeds(String scenario, String name) throws Exception {
        String callId = name + "-" + UUID.randomUUID();
        ExternalPeer.Result caller = call(scenario, callId);
        assertEquals(0, caller.exitCode(), caller.output());
        return callId;
    }

    private static ExternalPeer.Result call(String scenario, String callId) throws Exception {
        return ExternalPeer.run(Voicemails.SCENARIOS, 90, Voicemails.sipp(scenario, callerPort(), "-s", "alice",
                "-cid_str", callId, "-au", "bob", "-ap", "demo-bob-1", "-key", "caller", "bob",
                "-mi", RawSip.HOST, "-mp", Integer.toString(mediaPort())));
    }

    private static void registerAlicePhone() throws Exception {
        ExternalPeer.Result result = ExternalPeer.run(Voicemails.SCENARIOS, 30, Voicemails.sipp("register.xml", registerPort(),
                "-au", "alice", "-ap", "demo-alice-1", "-key", "user", "alice", "-key", "contact_port",
                Integer.toString(alicePhonePort())));
        assertEquals(0, result.exitCode(), result.output());
    }

    private static Process startAlicePhone(String scenario) throws Exception {
        Process process = new ProcessBuilder(Voicemails.sipp(scenario, alicePhonePort())).directory(Voicemails.SCENARIOS.toFile())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        Thread.sleep(500); // let it bind before the call comes
        return process;
    }

    private static void assertPhoneDone(Process phone) throws Exception {
        boolean done = phone.waitFor(30, TimeUnit.SECONDS);
        if (!done) {
            phone.destroyForcibly();
        }
        String output = new String(phone.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(done, "alice's phone did not finish:\n" + output);
        assertEquals(0, phone.exitValue(), output);
    }

    static Map<String, Object> cdr(String callId) throws Exception {
        List<Map<String, Object>> rows = ServiceDatabase.awaitRows(1, 20_000,
                "SELECT * FROM call_detail_record WHERE call_id = ?", callId);
        assertEquals(1, rows.size(), "one CDR for " + callId + ": " + rows);
        return rows.get(0);
    }

    /** Alice's newest voicemail since this call started. */
    static Map<String, Object> voicemailOf(String callId) throws Exception {
        Object started = cdr(callId).get("start_time");
        List<Map<String, Object>> rows = ServiceDatabase.awaitRows(
                "SELECT * FROM voicemail WHERE account_id = ? AND received_at >= ? ORDER BY id DESC",
                found -> !found.isEmpty(), 10_000, Voicemails.accountId("alice"), started);
        assertFalse(rows.isEmpty(), "no voicemail for alice from " + callId);
        return rows.get(0);
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return java.time.OffsetDateTime.parse(value.toString().replace(' ', 'T')).toInstant();
    }
}
