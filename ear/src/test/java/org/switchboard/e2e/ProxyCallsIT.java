package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls through the proxy between SIPp phones: bob's phone registers with digest (register.xml),
 * then a SIPp UAS answers as bob while a SIPp UAC calls as alice. Each outcome is checked on the
 * wire (SIPp's exit status: every expected message came) and in the database: traces of the
 * INVITE dialog in both directions, none of REGISTER, and one CDR with the right fields. Alice's
 * and bob's voicemail is off here, so busy, unanswered and unregistered give the real outcome
 * (VoicemailCallsIT has them on).
 */
@ExtendWith(RunningService.class)
class ProxyCallsIT {

    private static final Path SCENARIOS = Path.of("src/test/sipp").toAbsolutePath();
    private static final String HOST = RawSip.HOST;

    /** Fixed ports beside the server's (offset-based, so parallel checkouts do not collide). */
    private static int bobPort() {
        return RawSip.port() + 10_000;
    }

    private static int alicePort() {
        return RawSip.port() + 10_002;
    }

    private static int registerPort() {
        return RawSip.port() + 10_001;
    }

    private static String proxy() {
        return HOST + ":" + RawSip.port();
    }

    @BeforeAll
    static void voicemailOff() throws Exception {
        Voicemails.settings("alice", false, true, false, null);
        Voicemails.settings("bob", false, true, false, null);
    }

    @AfterAll
    static void voicemailAsOpened() throws Exception {
        Voicemails.settings("alice", true, true, false, null);
        Voicemails.settings("bob", true, true, false, null);
    }

    @Test
    void answeredCallIsProxiedTracedAndRecorded() throws Exception {
        String callId = callBob("answered", "uas-answer.xml", "uac-call.xml");

        Map<String, Object> cdr = cdr(callId);
        assertEquals("ANSWERED", cdr.get("disposition"));
        assertNull(cdr.get("failure_code"));
        assertEquals(accountId("alice"), cdr.get("caller_account_id"));
        assertEquals(accountId("bob"), cdr.get("callee_account_id"));
        assertEquals("sip:alice@localhost", cdr.get("caller_uri"));
        assertEquals("sip:bob@localhost", cdr.get("callee_uri"));
        assertNotNull(cdr.get("answer_time"));
        assertNotNull(cdr.get("end_time"));
        assertTrue(((Integer) cdr.get("duration_seconds")) >= 1, cdr.toString());
        assertEquals(HOST + ":" + alicePort(), cdr.get("caller_signaling_address"));
        assertEquals(HOST + ":" + bobPort(), cdr.get("callee_signaling_address"));
        assertEquals(HOST + ":6000", cdr.get("caller_media_address"));
        assertEquals(HOST + ":6002", cdr.get("callee_media_address"));
        assertEquals("SIPp alice", cdr.get("caller_user_agent"));
        assertEquals("SIPp bob", cdr.get("callee_user_agent"));

        List<Map<String, Object>> traces = awaitTraces(callId, "IN INVITE", "OUT INVITE", "IN 180", "OUT 180",
                "IN 200 INVITE", "OUT 200 INVITE", "IN ACK", "OUT ACK", "IN BYE", "OUT BYE", "IN 200 BYE", "OUT 200 BYE",
                "OUT 100 INVITE", "OUT 407 INVITE");
        Map<String, Object> inviteIn = traces.stream().filter(t -> "IN".equals(t.get("direction")) && "INVITE".equals(t.get("method")))
                .findFirst().orElseThrow();
        assertEquals(HOST, inviteIn.get("source_ip"));
        assertEquals(alicePort(), inviteIn.get("source_port"));
        assertEquals(RawSip.port(), inviteIn.get("destination_port"));
        assertEquals("UDP", inviteIn.get("transport"));
        assertTrue(((String) inviteIn.get("raw_text")).startsWith("INVITE sip:bob@localhost SIP/2.0"), inviteIn.toString());
        assertEquals(accountId("alice"), inviteIn.get("from_account_id"));
        assertEquals(accountId("bob"), inviteIn.get("to_account_id"));
        assertTrue(((String) traces.stream().filter(t -> "OUT".equals(t.get("direction")) && "INVITE".equals(t.get("method")))
                .findFirst().orElseThrow().get("raw_text")).contains("Record-Route: <sip:" + HOST + ":" + RawSip.port()), "record-routed");
        // Alice's credentials stop at the proxy: bob's phone never sees them.
        assertTrue(traces.stream().filter(t -> "OUT".equals(t.get("direction")) && "INVITE".equals(t.get("method")))
                .noneMatch(t -> ((String) t.get("raw_text")).contains("Proxy-Authorization")), "credentials consumed");
        // The data policy: REGISTER is never stored. Bob's REGISTER went to the trace recorder's
        // queue (if it went at all) before this call's messages, which are now written.
        assertEquals(0L, ServiceDatabase.query("SELECT count(*) AS n FROM trace_message WHERE cseq_method = 'REGISTER'")
                .get(0).get("n"));
    }

    @Test
    void busyCalleeGives486AndABusyRecord() throws Exception {
        String callId = callBob("busy", "uas-busy.xml", "uac-rejected.xml");

        Map<String, Object> cdr = cdr(callId);
        assertEquals("BUSY", cdr.get("disposition"));
        assertEquals(486, cdr.get("failure_code"));
        assertNull(cdr.get("answer_time"));
        assertEquals(0, cdr.get("duration_seconds"));
        assertEquals(HOST + ":" + bobPort(), cdr.get("callee_signaling_address"));
        assertEquals(HOST + ":6000", cdr.get("caller_media_address"));
        // The ACKs of the 486 too, though the stack's transaction layer absorbs and makes them.
        awaitTraces(callId, "IN INVITE", "OUT INVITE", "IN 486 INVITE", "OUT 486 INVITE", "IN ACK", "OUT ACK");
    }

    @Test
    void callerCancelsWhileItRings() throws Exception {
        String callId = callBob("cancel", "uas-cancelled.xml", "uac-cancel.xml");

        Map<String, Object> cdr = cdr(callId);
        assertEquals("CANCELLED", cdr.get("disposition"));
        assertEquals(487, cdr.get("failure_code"));
        assertNull(cdr.get("answer_time"));
        awaitTraces(callId, "IN CANCEL", "OUT 200 CANCEL", "OUT CANCEL", "IN 200 CANCEL", "IN 487 INVITE",
                "OUT 487 INVITE", "IN ACK", "OUT ACK");
    }

    @Test
    void unknownUserGets404() throws Exception {
        String callId = "unknown-" + UUID.randomUUID();
        ExternalPeer.Result alice = alice("uac-rejected.xml", "nobody-" + UUID.randomUUID().toString().substring(0, 8), callId);
        assertEquals(0, alice.exitCode(), alice.output());

        Map<String, Object> cdr = cdr(callId);
        assertEquals("FAILED", cdr.get("disposition"));
        assertEquals(404, cdr.get("failure_code"));
        assertNull(cdr.get("callee_account_id"));
        awaitTraces(callId, "IN INVITE", "OUT 404 INVITE");
    }

    /**
     * Timer C (RFC 3261 section 16.8): bob's phone rings and never answers; the proxy cancels it
     * and answers 408. The service under test runs with a 6 s Timer C (e2e.properties) instead
     * of the default 180 s.
     */
    @Test
    void timerCCancelsACallThatRingsTooLong() throws Exception {
        String callId = callBob("timer-c", "uas-cancelled.xml", "uac-rejected.xml");

        Map<String, Object> cdr = cdr(callId);
        assertEquals("NO_ANSWER", cdr.get("disposition"));
        assertEquals(408, cdr.get("failure_code"));
        awaitTraces(callId, "OUT CANCEL", "IN 487 INVITE", "OUT 408 INVITE");
    }

    /** Alice has an account but no phone registered in these tests: 480, recorded as not answered. */
    @Test
    void knownUserWithoutBindingGets480() throws Exception {
        String callId = "offline-" + UUID.randomUUID();
        ExternalPeer.Result caller = alice("uac-rejected.xml", "alice", callId);
        assertEquals(0, caller.exitCode(), caller.output());

        Map<String, Object> cdr = cdr(callId);
        assertEquals("NO_ANSWER", cdr.get("disposition"));
        assertEquals(480, cdr.get("failure_code"));
        assertEquals(accountId("alice"), cdr.get("callee_account_id"));
    }

    // --- helpers -----------------------------------------------------------------------------

    /** For the portal's tests: alice calls bob, bob answers (SIPp on both sides); the Call-ID. */
    static String aliceCallsBobAnswered(String name) throws Exception {
        return callBob(name, "uas-answer.xml", "uac-call.xml");
    }

    /** Registers bob, starts his phone with one scenario, calls him with another; the Call-ID. */
    private static String callBob(String name, String bobScenario, String aliceScenario) throws Exception {
        registerBob();
        String callId = name + "-" + UUID.randomUUID();
        // A phone that answers rings for a moment first: the 180 then surely comes before the 200.
        Process bob = bobScenario.equals("uas-answer.xml") ? startBob(bobScenario, "-d", "300") : startBob(bobScenario);
        ExternalPeer.Result alice = alice(aliceScenario, "bob", callId);
        assertEquals(0, alice.exitCode(), alice.output());
        assertBobDone(bob);
        return callId;
    }

    /**
     * Registers bob's phone with SIPp (digest, register.xml) with a Contact on bobPort(), the same
     * one every time so that no stale binding of an earlier test gets a fork of the call.
     */
    private static void registerBob() throws Exception {
        ExternalPeer.Result result = ExternalPeer.run(SCENARIOS, 30, sipp("register.xml", registerPort(),
                "-au", "bob", "-ap", "demo-bob-1", "-key", "user", "bob", "-key", "contact_port", Integer.toString(bobPort())));
        assertEquals(0, result.exitCode(), result.output());
    }

    private static Process startBob(String scenario, String... extra) throws IOException, InterruptedException {
        ExternalPeer.assumeInstalled("sipp");
        List<String> command = sipp(scenario, bobPort(), extra);
        Process process = new ProcessBuilder(command).directory(SCENARIOS.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        Thread.sleep(500); // let it bind before the call comes
        return process;
    }

    private static void assertBobDone(Process bob) throws InterruptedException, IOException {
        boolean done = bob.waitFor(30, TimeUnit.SECONDS);
        if (!done) {
            bob.destroyForcibly();
        }
        String output = new String(bob.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(done, "bob's phone did not finish:\n" + output);
        assertEquals(0, bob.exitValue(), output);
    }

    private static ExternalPeer.Result alice(String scenario, String callee, String callId, String... extra) throws Exception {
        // Alice authenticates to the proxy (407) with her digest credentials.
        List<String> args = new ArrayList<>(List.of("-s", callee, "-cid_str", callId, "-au", "alice", "-ap", "demo-alice-1"));
        args.addAll(List.of(extra));
        return ExternalPeer.run(SCENARIOS, 60, sipp(scenario, alicePort(), args.toArray(String[]::new)));
    }

    /** One call of a scenario, UDP, on loopback; with a remote (the proxy) unless it is a UAS. */
    private static List<String> sipp(String scenario, int localPort, String... extra) {
        List<String> command = new ArrayList<>(List.of("sipp"));
        if (!scenario.startsWith("uas")) {
            command.add(proxy());
        }
        command.addAll(List.of("-sf", scenario, "-i", HOST, "-p", Integer.toString(localPort), "-m", "1",
                "-timeout", "40s", "-timeout_error", "-nostdin", "-trace_err"));
        command.addAll(List.of(extra));
        return command;
    }

    private static Map<String, Object> cdr(String callId) throws Exception {
        List<Map<String, Object>> rows = ServiceDatabase.awaitRows(1, 10_000,
                "SELECT * FROM call_detail_record WHERE call_id = ?", callId);
        assertEquals(1, rows.size(), "one CDR for " + callId + ": " + rows);
        return rows.get(0);
    }

    /**
     * The call's trace rows once all of {@code expected} (see {@link #describe}) are written, within
     * 10 s; fails naming what is missing. Waiting for a row count instead would pass on
     * retransmissions while a message of the dialog is still queued.
     */
    private static List<Map<String, Object>> awaitTraces(String callId, String... expected) throws Exception {
        Set<String> wanted = Set.of(expected);
        List<Map<String, Object>> rows = ServiceDatabase.awaitRows("SELECT * FROM trace_message WHERE call_id = ? ORDER BY id",
                traces -> described(traces).containsAll(wanted), 10_000, callId);
        Set<String> seen = described(rows);
        for (String one : expected) {
            assertTrue(seen.contains(one), one + " missing from " + seen);
        }
        return rows;
    }

    private static Set<String> described(List<Map<String, Object>> traces) {
        return traces.stream().map(ProxyCallsIT::describe).collect(Collectors.toSet());
    }

    /** "IN INVITE", "OUT 180", "IN 200 BYE": direction, then method or status (and CSeq method for 200s and finals). */
    private static String describe(Map<String, Object> trace) {
        Object method = trace.get("method");
        if (method != null) {
            return trace.get("direction") + " " + method;
        }
        int status = (Integer) trace.get("status_code");
        String what = trace.get("direction") + " " + status;
        return status < 200 && status != 100 ? what : what + (status >= 200 ? " " + trace.get("cseq_method") : " INVITE");
    }

    private static Long accountId(String user) throws Exception {
        List<Map<String, Object>> rows = ServiceDatabase.query("SELECT id FROM account WHERE sip_user = ?", user);
        assertFalse(rows.isEmpty(), "no account " + user);
        return ((Number) rows.get(0).get("id")).longValue();
    }
}
