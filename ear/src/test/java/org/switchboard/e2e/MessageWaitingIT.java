package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Message waiting (RFC 3842), end to end: a raw-UDP phone subscribes to message-summary as alice
 * (digest, 401 first) and gets a NOTIFY with Messages-Waiting: no, then, after bob leaves her a
 * voicemail, one with yes and the new count; its un-SUBSCRIBE (Expires: 0) gets a last NOTIFY,
 * terminated. Marking the voicemail heard and deleting it in the portal each put the lamp out
 * again with a NOTIFY. A phone that answers a NOTIFY with 481 (it forgot the subscription) gets no
 * more of them, and its refresh is 481 (RFC 6665 section 4.2.2). Bob may not subscribe to alice's
 * (403), and another event package gets 489.
 */
@ExtendWith(RunningService.class)
class MessageWaitingIT {

    private static final String URI = "sip:alice@localhost";

    @Test
    void aliceSeesNoThenYesAfterAVoicemail() throws Exception {
        ExternalPeer.assumeInstalled("sipp");
        Assumptions.assumeTrue(Files.exists(Voicemails.CAPTURE), Voicemails.CAPTURE + " is missing: apt-get install sip-tester");
        Voicemails.settings("alice", true, true, true, null);
        ServiceDatabase.update("UPDATE voicemail SET heard_at = CURRENT_TIMESTAMP WHERE account_id = ? AND heard_at IS NULL",
                Voicemails.accountId("alice"));
        Voicemails.unregister("alice", "demo-alice-1", RawSip.port() + 10_040);
        try (DatagramSocket phone = RawSip.udpSocket()) {
            String callId = "mwi-" + UUID.randomUUID();
            String ok = subscribe(phone, callId, "alice", "demo-alice-1", 1, null, 600);
            assertEquals(200, RawSip.status(ok), ok);
            assertNotNull(RawSip.header(ok, "Expires"), ok);
            String first = awaitNotify(phone);
            assertTrue(first.contains("Messages-Waiting: no"), first);
            assertTrue(first.contains("Event: message-summary"), first);
            assertTrue(first.contains("Subscription-State: active"), first);
            assertTrue(first.contains("Content-Type: application/simple-message-summary"), first);
            assertTrue(first.contains("Voice-Message: 0/"), first);

            VoicemailCallsIT.leaveVoicemail("mwi");
            String lit = awaitNotify(phone);
            assertTrue(lit.contains("Messages-Waiting: yes"), lit);
            assertTrue(lit.contains("Voice-Message: 1/"), lit);

            String toTag = RawSip.header(ok, "To").replaceAll(".*;tag=", "");
            String bye = subscribe(phone, callId, "alice", "demo-alice-1", 3, toTag, 0);
            assertEquals(200, RawSip.status(bye), bye);
            String last = awaitNotify(phone);
            assertTrue(last.contains("Subscription-State: terminated"), last);
        }
    }

    @Test
    void heardAndDeletedInThePortalPutTheLampOutAndAForgottenSubscriptionGetsNoMore() throws Exception {
        ExternalPeer.assumeInstalled("sipp");
        Assumptions.assumeTrue(Files.exists(Voicemails.CAPTURE), Voicemails.CAPTURE + " is missing: apt-get install sip-tester");
        Voicemails.settings("alice", true, true, true, null);
        // Alice's list in the portal then holds only the voicemail left below: its row is the first.
        ServiceDatabase.update("DELETE FROM voicemail WHERE account_id = ?", Voicemails.accountId("alice"));
        Voicemails.unregister("alice", "demo-alice-1", RawSip.port() + 10_041);
        try (DatagramSocket phone = RawSip.udpSocket(); DatagramSocket forgetful = RawSip.udpSocket()) {
            String callId = "mwi-portal-" + UUID.randomUUID();
            String ok = subscribe(phone, callId, "alice", "demo-alice-1", 1, null, 600);
            assertEquals(200, RawSip.status(ok), ok);
            assertTrue(awaitNotify(phone).contains("Voice-Message: 0/0"));

            // A phone that forgot its subscription answers the NOTIFY 481: the subscription is removed.
            String forgotten = "mwi-forgotten-" + UUID.randomUUID();
            String forgottenOk = subscribe(forgetful, forgotten, "alice", "demo-alice-1", 1, null, 600);
            assertEquals(200, RawSip.status(forgottenOk), forgottenOk);
            awaitNotify(forgetful, "481 Call/Transaction Does Not Exist");
            String forgottenTag = RawSip.header(forgottenOk, "To").replaceAll(".*;tag=", "");
            assertEquals(481, awaitRefreshRefused(forgetful, forgotten, forgottenTag), "the refresh of a removed subscription");

            VoicemailCallsIT.leaveVoicemail("mwi-portal");
            String lit = awaitNotify(phone);
            assertTrue(lit.contains("Messages-Waiting: yes") && lit.contains("Voice-Message: 1/0"), lit);
            assertNull(RawSip.receiveStartingWith(forgetful, "NOTIFY ", 2_000), "a NOTIFY for the removed subscription");

            OidcBrowser alice = new OidcBrowser();
            alice.login(RunningService.portal(), "alice", "demo-alice-1");
            OidcBrowser.Page list = alice.get(RunningService.portal() + "voicemail.xhtml");
            assertTrue(list.body().contains("(new)"), list.body());
            OidcBrowser.Page heard = JsfForm.press(alice, list, "voicemails", "list:0:mark-heard");
            assertEquals(200, heard.status(), heard.body());
            String out = awaitNotify(phone);
            assertTrue(out.contains("Messages-Waiting: no") && out.contains("Voice-Message: 0/1"), out);

            OidcBrowser.Page deleted = JsfForm.press(alice, alice.get(RunningService.portal() + "voicemail.xhtml"), "voicemails",
                    "list:0:delete");
            assertTrue(deleted.body().contains("Voicemail deleted."), deleted.body());
            String gone = awaitNotify(phone);
            assertTrue(gone.contains("Messages-Waiting: no") && gone.contains("Voice-Message: 0/0"), gone);
            assertNull(RawSip.receiveStartingWith(forgetful, "NOTIFY ", 500), "a NOTIFY for the removed subscription");

            String toTag = RawSip.header(ok, "To").replaceAll(".*;tag=", "");
            assertEquals(200, RawSip.status(subscribe(phone, callId, "alice", "demo-alice-1", 3, toTag, 0)));
            assertTrue(awaitNotify(phone).contains("Subscription-State: terminated"));
        }
    }

    /** Refreshes until the server has taken in the phone's 481 (it comes back on another thread); the refresh's status. */
    private static int awaitRefreshRefused(DatagramSocket phone, String callId, String toTag) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        int cseq = 3;
        int status;
        do {
            String refresh = subscribe(phone, callId, "alice", "demo-alice-1", cseq, toTag, 600);
            status = RawSip.status(refresh);
            if (status == 200) {
                awaitNotify(phone, "481 Call/Transaction Does Not Exist"); // still known: its NOTIFY, refused again
                Thread.sleep(200);
            }
            cseq += 2;
        } while (status == 200 && System.currentTimeMillis() < deadline);
        return status;
    }

    @Test
    void othersMayNotSubscribeToAlicesMessages() throws Exception {
        try (DatagramSocket phone = RawSip.udpSocket()) {
            String reply = subscribe(phone, "mwi-bob-" + UUID.randomUUID(), "bob", "demo-bob-1", 1, null, 600);
            assertEquals(403, RawSip.status(reply), reply);
        }
    }

    @Test
    void anotherEventPackageGets489() throws Exception {
        try (DatagramSocket phone = RawSip.udpSocket()) {
            String reply = RawSip.udpExchange(phone, request(phone, "mwi-presence-" + UUID.randomUUID(), 1, null, 600, "presence", "")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8), 5000);
            assertEquals(489, RawSip.status(reply), reply);
            assertTrue(reply.contains("Allow-Events: message-summary"), reply);
        }
    }

    /** A SUBSCRIBE to alice's message-summary authenticated as {@code user}: 401, then with credentials; the final answer. */
    private static String subscribe(DatagramSocket phone, String callId, String user, String password, int cseq, String toTag,
            int expires) throws Exception {
        String challenge = RawSip.udpExchange(phone, request(phone, callId, cseq, toTag, expires, "message-summary", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), 5000);
        assertEquals(401, RawSip.status(challenge), challenge);
        String nonce = DigestClient.challengeParameter(challenge, "nonce");
        String credentials = DigestClient.credentials("Authorization", "MD5", user, password, "SUBSCRIBE", URI, nonce, "00000001");
        return RawSip.udpExchange(phone, request(phone, callId, cseq + 1, toTag, expires, "message-summary", credentials)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), 5000);
    }

    private static String request(DatagramSocket phone, String callId, int cseq, String toTag, int expires, String event,
            String credentials) {
        return "SUBSCRIBE " + URI + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + RawSip.HOST + ":" + phone.getLocalPort() + ";branch=" + RawSip.branch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + URI + ">;tag=mwiphone\r\n"
                + "To: <" + URI + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " SUBSCRIBE\r\n"
                + "Contact: <sip:alice@" + RawSip.HOST + ":" + phone.getLocalPort() + ">\r\n"
                + "Event: " + event + "\r\n"
                + "Accept: application/simple-message-summary\r\n"
                + "Expires: " + expires + "\r\n"
                + credentials
                + "Content-Length: 0\r\n\r\n";
    }

    /** The next NOTIFY (within 60 s: a voicemail call takes about 16 s), answered 200 as a phone does. */
    private static String awaitNotify(DatagramSocket phone) throws Exception {
        return awaitNotify(phone, "200 OK");
    }

    private static String awaitNotify(DatagramSocket phone, String answer) throws Exception {
        String notify = RawSip.receiveStartingWith(phone, "NOTIFY ", 60_000);
        assertNotNull(notify, "no NOTIFY");
        RawSip.send(phone, RawSip.answer(notify, answer, ""));
        return notify;
    }
}
