package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Offline MESSAGE (RFC 3428, store-and-forward; README "Messages") on real sockets: each phone is
 * a raw UDP socket of a subscriber made for the test ({@link MessagePhone}), senders are raw UDP
 * too. The service runs with e2e.properties: retries after 2-4 s, a delivery round every 2 s, 3 s
 * for a phone to answer.
 */
@ExtendWith(RunningService.class)
class MessagingIT {

    @Test
    void aRegisteredPhoneAnswers200AndNothingIsStored() throws Exception {
        try (MessagePhone bob = MessagePhone.newSubscriber("online")) {
            assertEquals(200, bob.register(600));
            String reply = MessagePhone.send(bob.user, "hello online");
            assertEquals(200, RawSip.status(reply), reply);
            List<MessagePhone.Received> got = bob.awaitReceived(1, 5000);
            assertEquals("hello online", got.get(0).body());
            assertEquals("<sip:sender@example.org>", got.get(0).from().replaceAll(";tag=.*", ""));
            assertEquals(0, bob.stored());
        }
    }

    @Test
    void ourSubscriberIsChallengedAndSendsWithHerCredentials() throws Exception {
        try (MessagePhone bob = MessagePhone.newSubscriber("challenged"); DatagramSocket alice = RawSip.udpSocket()) {
            String callId = "msg-auth-" + UUID.randomUUID();
            String first = RawSip.udpExchange(alice, MessagePhone.message(alice, "sip:alice@localhost", bob.user, callId, 1,
                    "Content-Type: text/plain\r\n", "hi bob", null).getBytes(StandardCharsets.UTF_8), 5000);
            assertEquals(407, RawSip.status(first), first);
            String nonce = DigestClient.challengeParameter(first, "nonce");
            String credentials = DigestClient.credentials("Proxy-Authorization", "MD5", "alice", "demo-alice-1", "MESSAGE",
                    "sip:" + bob.user + "@localhost", nonce, "00000001");
            String reply = RawSip.udpExchange(alice, MessagePhone.message(alice, "sip:alice@localhost", bob.user, callId, 2,
                    "Content-Type: text/plain\r\n" + credentials, "hi bob", null).getBytes(StandardCharsets.UTF_8), 5000);
            assertEquals(202, RawSip.status(reply), reply); // bob is offline: stored
            assertEquals(1, bob.stored());

            String forged = RawSip.udpExchange(alice, MessagePhone.message(alice, "sip:alice@localhost", bob.user,
                    "msg-forged-" + UUID.randomUUID(), 1, "Content-Type: text/plain\r\n" + DigestClient.credentials(
                            "Proxy-Authorization", "MD5", "bob", "demo-bob-1", "MESSAGE", "sip:" + bob.user + "@localhost",
                            nonce, "00000002"), "as alice", null).getBytes(StandardCharsets.UTF_8), 5000);
            assertEquals(403, RawSip.status(forged), forged);
            assertEquals(1, bob.stored());
        }
    }

    /**
     * To another domain (127.0.0.2, not ours; e2e.properties turns forwarding on): alice's MESSAGE
     * is forwarded without her credentials and the far end's answer comes back; from elsewhere to
     * elsewhere, 403.
     */
    @Test
    void toAnotherDomainUnderTheRuleOfCalls() throws Exception {
        try (DatagramSocket farEnd = new DatagramSocket(new java.net.InetSocketAddress("127.0.0.2", 0));
                DatagramSocket alice = RawSip.udpSocket()) {
            farEnd.setSoTimeout(10_000);
            java.util.concurrent.CompletableFuture<String> forwarded = RawSip.answerFirstRequest(farEnd, "200 OK");
            String carol = "carol@127.0.0.2:" + farEnd.getLocalPort();
            String callId = "msg-out-" + UUID.randomUUID();
            String first = RawSip.udpExchange(alice, outgoing(alice, "sip:alice@localhost", carol, callId, 1, ""), 5000);
            assertEquals(407, RawSip.status(first), first);
            String credentials = DigestClient.credentials("Proxy-Authorization", "MD5", "alice", "demo-alice-1", "MESSAGE",
                    "sip:" + carol, DigestClient.challengeParameter(first, "nonce"), "00000001");
            String reply = RawSip.udpExchange(alice, outgoing(alice, "sip:alice@localhost", carol, callId, 2, credentials), 10_000);
            assertEquals(200, RawSip.status(reply), reply);
            String request = forwarded.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(request.startsWith("MESSAGE sip:" + carol + " SIP/2.0"), request);
            assertTrue(!request.contains("Proxy-Authorization") && !request.contains("Record-Route"), request);

            String relayed = RawSip.udpExchange(alice, outgoing(alice, "sip:someone@example.org", "dave@127.0.0.2:5999",
                    "msg-relay-" + UUID.randomUUID(), 1, ""), 5000);
            assertEquals(403, RawSip.status(relayed), relayed);
        }
    }

    private static byte[] outgoing(DatagramSocket from, String fromUri, String to, String callId, int cseq, String headers) {
        return MessagePhone.message(from, fromUri, "x", callId, cseq, "Content-Type: text/plain\r\n" + headers, "hi", null)
                .replace("sip:x@localhost", "sip:" + to).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void twentyMessagesToAnOfflinePhoneAreAcceptedThenDeliveredOnceInOrderWhenItRegisters() throws Exception {
        try (MessagePhone bob = MessagePhone.newSubscriber("offline")) {
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int i = 1; i <= 20; i++) {
                String reply = MessagePhone.send(bob.user, "message " + i);
                assertEquals(202, RawSip.status(reply), reply);
            }
            Instant after = Instant.now();
            assertEquals(20, bob.stored());

            assertEquals(200, bob.register(600));
            List<MessagePhone.Received> got = bob.awaitReceived(20, 30_000);
            assertEquals(20, got.size(), got.toString());
            for (int i = 0; i < 20; i++) {
                MessagePhone.Received message = got.get(i);
                assertEquals("message " + (i + 1), message.body(), "order: " + got);
                assertEquals("<sip:sender@example.org>", message.from().replaceAll(";tag=.*", ""), message.from());
                assertEquals("<sip:" + bob.user + "@localhost>", message.to());
                assertEquals("text/plain;charset=UTF-8", message.contentType().replace(" ", ""));
                assertNotNull(message.date(), "Date header");
                Instant date = ZonedDateTime.parse(message.date(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                assertTrue(!date.isBefore(before) && !date.isAfter(after), date + " not in " + before + " - " + after);
            }
            assertEquals(0, bob.awaitStored(0, 5000));
            Thread.sleep(3000); // a delivery round or two later: nothing comes twice
            assertEquals(20, bob.received().size(), bob.received().toString());
        }
    }

    @Test
    void refusalsAreClearAndTheServerServesOn() throws Exception {
        assertEquals(404, RawSip.status(MessagePhone.send("nobody-" + UUID.randomUUID().toString().substring(0, 8), "hi")));

        try (MessagePhone bob = MessagePhone.newSubscriber("refusals"); DatagramSocket socket = RawSip.udpSocket()) {
            String big = "x".repeat(1301);
            String tooBig = MessagePhone.send(bob.user, big);
            assertEquals(413, RawSip.status(tooBig), tooBig);

            String noType = RawSip.udpExchange(socket, MessagePhone.message(socket, "sip:sender@example.org", bob.user,
                    "msg-" + UUID.randomUUID(), 1, "", "a body without a type", null).getBytes(StandardCharsets.UTF_8), 5000);
            assertEquals(400, RawSip.status(noType), noType);

            // RFC 3261 section 18.3: over UDP a Content-Length past the end of the datagram is a 400...
            String badLength = RawSip.udpExchange(socket, MessagePhone.message(socket, "sip:sender@example.org", bob.user,
                    "msg-" + UUID.randomUUID(), 1, "Content-Type: text/plain\r\n", "short", 50).getBytes(StandardCharsets.UTF_8), 5000);
            assertEquals(400, RawSip.status(badLength), badLength);
            assertEquals(0, bob.stored(), "nothing malformed is stored");
            // A Content-Length short of the body: RFC 3261 section 18.3 discards the bytes after it;
            // JAIN-SIP instead keeps the whole datagram (and corrects Content-Length), so the
            // message is taken as sent. Either way nothing breaks and the server serves on.
            String longBody = RawSip.udpExchange(socket, MessagePhone.message(socket, "sip:sender@example.org", bob.user,
                    "msg-" + UUID.randomUUID(), 1, "Content-Type: text/plain\r\n", "longer than said", 3).getBytes(StandardCharsets.UTF_8), 5000);
            assertEquals(202, RawSip.status(longBody), longBody);
            assertTrue(RawSip.alive(), "the server serves on");
        }

        try (MessagePhone blocked = MessagePhone.newSubscriber("blocked", "BLOCKED")) {
            String reply = MessagePhone.send(blocked.user, "to a blocked account");
            assertEquals(403, RawSip.status(reply), reply);
            assertEquals(0, blocked.stored());
        }
    }

    @Test
    void aFullMessageStoreIsRefusedWith486AndAReason() throws Exception {
        try (MessagePhone bob = MessagePhone.newSubscriber("full")) {
            Timestamp now = Timestamp.from(Instant.now());
            Timestamp expires = Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS));
            // The maximum (500 by default), put there directly: 500 MESSAGEs would only take longer.
            for (int i = 0; i < 500; i++) {
                ServiceDatabase.update("INSERT INTO offline_message (sender_uri, recipient_account_id, recipient_uri, content_type,"
                        + " body, received_at, attempts, expires_at, next_attempt_at) SELECT 'sip:x@example.org', id, ?,"
                        + " 'text/plain', ?, ?, 0, ?, ? FROM account WHERE sip_user = ?",
                        "sip:" + bob.user + "@localhost", ("n" + i).getBytes(StandardCharsets.UTF_8), now, expires, now, bob.user);
            }
            String reply = MessagePhone.send(bob.user, "one too many");
            assertEquals(486, RawSip.status(reply), reply);
            assertTrue(reply.startsWith("SIP/2.0 486 Recipient's message store is full"), reply);
            assertEquals(500, bob.stored());
        }
    }

    @Test
    void aPhoneThatAnswers480OnceGetsTheMessageAgainLater() throws Exception {
        try (MessagePhone bob = MessagePhone.newSubscriber("retry")) {
            bob.answeringByTry((body, attempt) -> attempt == 1 ? "480 Temporarily Unavailable" : "200 OK");
            assertEquals(200, bob.register(600));
            String reply = MessagePhone.send(bob.user, "try me twice");
            assertEquals(202, RawSip.status(reply), reply); // the phone said 480: stored, not lost
            List<MessagePhone.Received> got = bob.awaitReceived(2, 20_000);
            assertEquals(2, got.size(), got.toString());
            assertEquals("try me twice", got.get(1).body());
            assertEquals(0, bob.awaitStored(0, 5000));
        }
    }

    @Test
    void aRefusedMessageIsDroppedWithoutBlockingTheNextAndQueuesAreIndependent() throws Exception {
        try (MessagePhone picky = MessagePhone.newSubscriber("picky"); MessagePhone away = MessagePhone.newSubscriber("away")) {
            for (int i = 1; i <= 3; i++) {
                assertEquals(202, RawSip.status(MessagePhone.send(picky.user, "picky " + i)));
                assertEquals(202, RawSip.status(MessagePhone.send(away.user, "away " + i)));
            }
            picky.answering(body -> body.equals("picky 1") ? "415 Unsupported Media Type" : "200 OK");
            away.answering(body -> "480 Temporarily Unavailable");
            assertEquals(200, away.register(600));
            assertEquals(200, picky.register(600));

            List<MessagePhone.Received> got = picky.awaitReceived(3, 20_000);
            assertEquals(List.of("picky 1", "picky 2", "picky 3"), got.stream().map(MessagePhone.Received::body).toList());
            assertEquals(0, picky.awaitStored(0, 5000), "the 415'd message is removed, the others delivered");
            // away's phone keeps saying 480: his first message waits, in back-off, and his others behind it.
            assertEquals(3, away.stored());
            assertTrue(away.received().stream().allMatch(m -> m.body().equals("away 1")), away.received().toString());
        }
    }
}
