package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * terminated. Bob may not subscribe to alice's (403), and another event package gets 489.
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
        String notify = RawSip.receiveStartingWith(phone, "NOTIFY ", 60_000);
        assertNotNull(notify, "no NOTIFY");
        RawSip.send(phone, RawSip.answer(notify, "200 OK", ""));
        return notify;
    }
}
