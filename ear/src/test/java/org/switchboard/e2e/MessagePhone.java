package org.switchboard.e2e;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A phone for MESSAGE tests on a raw UDP socket: a subscriber of its own (made in the service's
 * database), registering with digest, answering each MESSAGE it gets as {@code answer} says
 * (by body and how many of that body it has had) and recording the first copy of each request
 * (retransmissions, same Via branch, are answered again but not recorded twice).
 */
final class MessagePhone implements AutoCloseable {

    /** A MESSAGE as the phone received it. */
    record Received(String body, String from, String to, String date, String contentType, String callId) {
    }

    final String user;
    final String password;
    private final DatagramSocket socket;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> branches = ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, Integer> tries = new ConcurrentHashMap<>();
    private final java.util.Map<String, String> answered = new ConcurrentHashMap<>();
    private volatile Function<String, String> answer = body -> "200 OK";
    private volatile java.util.function.BiFunction<String, Integer, String> answerByTry;
    private Thread listener;

    private MessagePhone(String user, String password) throws IOException {
        this.user = user;
        this.password = password;
        this.socket = RawSip.udpSocket();
    }

    /** A new ACTIVE subscriber (status given) with SIP credentials; its phone not yet registered. */
    static MessagePhone newSubscriber(String prefix, String status) throws IOException, SQLException {
        String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + user;
        Timestamp now = Timestamp.from(Instant.now());
        ServiceDatabase.update("INSERT INTO account (sip_user, sip_domain, status, created_at) VALUES (?, 'localhost', ?, ?)",
                user, status, now);
        ServiceDatabase.update("INSERT INTO sip_credential (account_id, ha1_md5, ha1_sha256, updated_at) "
                + "SELECT id, ?, ?, ? FROM account WHERE sip_user = ?",
                DigestClient.hash("MD5", user + ":localhost:" + password),
                DigestClient.hash("SHA-256", user + ":localhost:" + password), now, user);
        return new MessagePhone(user, password);
    }

    static MessagePhone newSubscriber(String prefix) throws IOException, SQLException {
        return newSubscriber(prefix, "ACTIVE");
    }

    /** How to answer a MESSAGE with this body. */
    MessagePhone answering(Function<String, String> how) {
        this.answer = how;
        return this;
    }

    /** How to answer a MESSAGE with this body the n-th time (1 = first) it comes. */
    MessagePhone answeringByTry(java.util.function.BiFunction<String, Integer, String> how) {
        this.answerByTry = how;
        return this;
    }

    /** Registers this socket as the user's contact (401, then digest); returns the final status. */
    int register(int expires) throws IOException {
        stopListening();
        String callId = "reg-" + user + "@test";
        String contact = "<sip:" + user + "@" + RawSip.HOST + ":" + socket.getLocalPort() + ">";
        String first = RawSip.udpExchange(socket, RawSip.register(socket, user, callId, 1, contact,
                "Expires: " + expires + "\r\n").getBytes(StandardCharsets.UTF_8), 5000);
        if (RawSip.status(first) != 401) {
            return RawSip.status(first);
        }
        String nonce = DigestClient.challengeParameter(first, "nonce");
        String reply = RawSip.udpExchange(socket, RawSip.register(socket, user, callId, 2, contact,
                "Expires: " + expires + "\r\n" + DigestClient.credentials("Authorization", "MD5", user, password,
                        "REGISTER", "sip:localhost", nonce, "00000001")).getBytes(StandardCharsets.UTF_8), 5000);
        listen();
        return RawSip.status(reply);
    }

    private void listen() {
        listener = new Thread(this::serve, "phone-" + user);
        listener.setDaemon(true);
        listener.start();
    }

    private void stopListening() {
        Thread running = listener;
        listener = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serve() {
        byte[] buffer = new byte[65535];
        while (listener == Thread.currentThread()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.setSoTimeout(200);
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                return;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (!text.startsWith("MESSAGE ")) {
                continue;
            }
            String body = text.substring(text.indexOf("\r\n\r\n") + 4);
            String branch = RawSip.header(text, "Via");
            String status = answered.get(branch);
            if (status == null) {
                int attempt = tries.merge(body, 1, Integer::sum);
                status = answerByTry != null ? answerByTry.apply(body, attempt) : answer.apply(body);
                answered.put(branch, status);
            }
            if (branches.add(branch)) {
                received.add(new Received(body, RawSip.header(text, "From"), RawSip.header(text, "To"),
                        RawSip.header(text, "Date"), RawSip.header(text, "Content-Type"), RawSip.header(text, "Call-ID")));
            }
            byte[] reply = RawSip.answer(text, status, "").getBytes(StandardCharsets.UTF_8);
            try {
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Every MESSAGE received so far (first copies), in arrival order. */
    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits until at least {@code count} have come, at most {@code millis}; what came. */
    List<Received> awaitReceived(int count, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (received.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return received();
    }

    /** Messages the service holds for this user. */
    long stored() throws SQLException {
        return ((Number) ServiceDatabase.query("SELECT count(*) AS n FROM offline_message m JOIN account a"
                + " ON a.id = m.recipient_account_id WHERE a.sip_user = ?", user).get(0).get("n")).longValue();
    }

    /** Waits until the service holds {@code count} for this user, at most {@code millis}; the last count. */
    long awaitStored(long count, long millis) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        long now = stored();
        while (now != count && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            now = stored();
        }
        return now;
    }

    @Override
    public void close() {
        stopListening();
        socket.close();
    }

    /**
     * A MESSAGE to {@code toUser}@localhost from {@code fromUri}, as its sender writes it;
     * {@code headers} (each ending in CRLF) come before Content-Length, which is the body's unless
     * {@code contentLength} says otherwise.
     */
    static String message(DatagramSocket from, String fromUri, String toUser, String callId, int cseq, String headers,
            String body, Integer contentLength) {
        int length = contentLength != null ? contentLength : body.getBytes(StandardCharsets.UTF_8).length;
        return "MESSAGE sip:" + toUser + "@localhost SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + RawSip.HOST + ":" + from.getLocalPort() + ";branch=" + RawSip.branch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + fromUri + ">;tag=s" + from.getLocalPort() + "\r\n"
                + "To: <sip:" + toUser + "@localhost>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " MESSAGE\r\n"
                + headers
                + "Content-Length: " + length + "\r\n\r\n"
                + body;
    }

    /** A text MESSAGE from someone of another domain (no credentials needed); the final reply or null. */
    static String send(String toUser, String body) throws IOException {
        try (DatagramSocket socket = RawSip.udpSocket()) {
            return send(socket, toUser, body);
        }
    }

    static String send(DatagramSocket socket, String toUser, String body) throws IOException {
        String text = message(socket, "sip:sender@example.org", toUser, "msg-" + UUID.randomUUID() + "@test", 1,
                "Content-Type: text/plain;charset=UTF-8\r\n", body, null);
        return RawSip.udpExchange(socket, text.getBytes(StandardCharsets.UTF_8), 12_000);
    }
}
