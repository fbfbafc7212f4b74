package org.switchboard.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Hand-made SIP over UDP and TCP to the server under test, for what no real peer sends: unknown
 * methods, malformed messages, exact byte sequences. Replies are returned as text, null if none.
 */
final class RawSip {

    static final String HOST = "127.0.0.1";

    private RawSip() {
    }

    /** The server's UDP/TCP SIP port: 5060 plus the test port offset, like every WildFly port. */
    static int port() {
        return 5060 + Integer.getInteger("switchboard.test.port-offset");
    }

    static String branch() {
        return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A minimal request from {@code localPort}; {@code extraHeaders} end with CRLF each. */
    static String request(String method, String requestUri, int localPort, String transport, String extraHeaders) {
        return method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + HOST + ":" + localPort + ";branch=" + branch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:tester@localhost>;tag=" + UUID.randomUUID().toString().substring(0, 8) + "\r\n"
                + "To: <sip:tester@localhost>\r\n"
                + "Call-ID: " + UUID.randomUUID() + "@test\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + extraHeaders
                + "Content-Length: 0\r\n\r\n";
    }

    /** A UDP socket on an ephemeral loopback port, for one exchange or several. */
    static DatagramSocket udpSocket() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(HOST, 0));
        socket.setSoTimeout(3000);
        return socket;
    }

    /** Sends one datagram and waits for the first final reply (skipping 1xx); null on timeout. */
    static String udpExchange(DatagramSocket socket, byte[] message, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        socket.send(new DatagramPacket(message, message.length, InetAddress.getByName(HOST), port()));
        byte[] buffer = new byte[65535];
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String reply = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (!reply.startsWith("SIP/2.0 1")) {
                return reply;
            }
        }
        return null;
    }

    /** One request over UDP from a fresh socket: the final reply or null. */
    static String udp(String method, String requestUri, String extraHeaders) throws IOException {
        try (DatagramSocket socket = udpSocket()) {
            String message = request(method, requestUri, socket.getLocalPort(), "UDP", extraHeaders);
            return udpExchange(socket, message.getBytes(StandardCharsets.UTF_8), 3000);
        }
    }

    /** Writes bytes on a fresh TCP connection and reads the first final reply; null if none in time. */
    static String tcp(byte[] message, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port()), 2000);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(message);
            socket.getOutputStream().flush();
            return readReply(socket.getInputStream());
        }
    }

    static String tcp(String method, String requestUri, String extraHeaders) throws IOException {
        return tcp(request(method, requestUri, 5060, "TCP", extraHeaders).getBytes(StandardCharsets.UTF_8), 3000);
    }

    /** Reads replies until a final one (headers up to the blank line; replies here have no body). */
    static String readReply(InputStream in) throws IOException {
        while (true) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            try {
                int b;
                while ((b = in.read()) >= 0) {
                    head.write(b);
                    matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                    if (matched == 4) {
                        break;
                    }
                }
                if (b < 0 && head.size() == 0) {
                    return null;
                }
            } catch (SocketTimeoutException e) {
                return head.size() == 0 ? null : head.toString(StandardCharsets.UTF_8);
            }
            String reply = head.toString(StandardCharsets.UTF_8);
            if (!reply.startsWith("SIP/2.0 1")) {
                return reply;
            }
        }
    }

    /** The status code of a reply, or -1 for none. */
    static int status(String reply) {
        if (reply == null || !reply.startsWith("SIP/2.0 ")) {
            return -1;
        }
        return Integer.parseInt(reply.substring(8, 11));
    }

    /** The value of the first header of this name (case-insensitive, long form), or null. */
    static String header(String reply, String name) {
        if (reply == null) {
            return null;
        }
        for (String line : reply.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** True when the server still answers OPTIONS with 200 over UDP. */
    static boolean alive() throws IOException {
        return status(udp("OPTIONS", "sip:" + HOST + ":" + port(), "")) == 200;
    }

    /** Sends one datagram from {@code socket} to the server. */
    static void send(DatagramSocket socket, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(HOST), port()));
    }

    /** The next datagram that starts with {@code start} (skipping others, e.g. 100 Trying), or null after {@code millis}. */
    static String receiveStartingWith(DatagramSocket socket, String start, int millis) throws IOException {
        byte[] buffer = new byte[65535];
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                break;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (text.startsWith(start)) {
                return text;
            }
        }
        return null;
    }

    /**
     * A phone's answer to a request: its Vias, From, Call-ID, CSeq and Record-Route, its To with a
     * tag, then {@code extraHeaders} (each ending with CRLF).
     */
    static String answer(String request, String status, String extraHeaders) {
        StringBuilder out = new StringBuilder("SIP/2.0 " + status + "\r\n");
        for (String line : request.split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')) : "";
            switch (name) {
                case "Via", "From", "Call-ID", "CSeq", "Record-Route" -> out.append(line).append("\r\n");
                case "To" -> out.append(line).append(line.contains("tag=") ? "" : ";tag=phone1").append("\r\n");
                default -> { }
            }
        }
        return out.append(extraHeaders).append("Content-Length: 0\r\n\r\n").toString();
    }

    /**
     * A far end on {@code socket}: answers the first request it gets with {@code status}
     * ({@link #answer}) and completes with that request's text.
     */
    static java.util.concurrent.CompletableFuture<String> answerFirstRequest(DatagramSocket socket, String status) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
                socket.receive(packet);
                String request = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                byte[] reply = answer(request, status, "").getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                return request;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** A REGISTER for {@code user}@localhost from {@code socket}; {@code headers} (Expires, credentials) end with CRLF. */
    static String register(DatagramSocket socket, String user, String callId, int cseq, String contact, String headers) {
        return "REGISTER sip:localhost SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + HOST + ":" + socket.getLocalPort() + ";branch=" + branch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@localhost>;tag=t" + cseq + "\r\n"
                + "To: <sip:" + user + "@localhost>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: " + contact + "\r\n"
                + headers
                + "Content-Length: 0\r\n\r\n";
    }
}
