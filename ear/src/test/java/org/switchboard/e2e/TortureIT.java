package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RFC 4475 torture messages (ear/src/test/rfc4475, byte-exact) and our own malformed input,
 * over UDP and TCP. Whatever arrives, the server must keep answering OPTIONS; valid requests must
 * be parsed and answered as INDEX.tsv says, invalid ones get 400 (or another error) or are dropped.
 */
@ExtendWith(RunningService.class)
class TortureIT {

    private static final Path DIR = Path.of(System.getProperty("switchboard.test.rfc4475"));

    /** Expected status for valid requests where RFC 4475 (and our role: registrar, no proxy yet) fixes it. */
    private static final Map<String, Integer> EXPECTED = Map.ofEntries(
            Map.entry("intmeth.dat", 501), Map.entry("esc02.dat", 501),
            Map.entry("unkscm.dat", 416), Map.entry("novelsc.dat", 416),
            Map.entry("bext01.dat", 420), Map.entry("zeromf.dat", 200),
            // REGISTERs for example.com: not our domain.
            Map.entry("escnull.dat", 404), Map.entry("dblreq.dat", 404), Map.entry("unksm2.dat", 404),
            Map.entry("regaut01.dat", 404), Map.entry("cparam01.dat", 404), Map.entry("cparam02.dat", 404),
            Map.entry("regescrt.dat", 404));

    record Row(String file, String section, boolean valid, String expectation) {
        boolean isRequest() throws IOException {
            return !new String(bytes(), 0, 8, StandardCharsets.US_ASCII).startsWith("SIP/");
        }

        byte[] bytes() throws IOException {
            return Files.readAllBytes(DIR.resolve(file));
        }
    }

    static List<Row> rows() throws IOException {
        return Files.readAllLines(DIR.resolve("INDEX.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t"))
                .map(f -> new Row(f[0], f[1], "valid".equals(f[2]), f[3]))
                .toList();
    }

    /** Each message byte-exact over UDP and over TCP; the server survives it. */
    @TestFactory
    Stream<DynamicTest> everyMessageLeavesTheServerAnswering() throws IOException {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.file() + " (" + row.section() + ")", () -> {
            byte[] bytes = row.bytes();
            String udpReply;
            try (DatagramSocket socket = RawSip.udpSocket()) {
                udpReply = RawSip.udpExchange(socket, bytes, 500);
            }
            String tcpReply = RawSip.tcp(bytes, 500);
            if (!row.valid()) {
                assertNotSuccess(row, udpReply);
                assertNotSuccess(row, tcpReply);
            }
            assertTrue(RawSip.alive(), "no OPTIONS answer after " + row.file());
        }));
    }

    /**
     * Valid requests are parsed and answered. The messages' Via names hosts like 192.0.2.2, where a
     * reply would go; only the top Via's sent-by is changed to our socket so the reply comes back.
     */
    @TestFactory
    Stream<DynamicTest> validRequestsAreAnswered() throws IOException {
        return rows().stream().filter(Row::valid).filter(r -> {
            try {
                return r.isRequest();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).map(row -> DynamicTest.dynamicTest(row.file() + " (" + row.section() + ")", () -> {
            try (DatagramSocket socket = RawSip.udpSocket()) {
                byte[] readdressed = readdress(row.bytes(), socket.getLocalPort());
                String reply = RawSip.udpExchange(socket, readdressed, 3000);
                assertNotNull(reply, row.file() + ": no answer (" + row.expectation() + ")");
                Integer expected = EXPECTED.get(row.file());
                if (expected != null) {
                    assertEquals(expected.intValue(), RawSip.status(reply), row.file() + ":\n" + reply);
                }
            }
        }));
    }

    @Test
    void ownMalformedMessagesAreRefusedOrDropped() throws Exception {
        // Each variant starts from a fresh request (own branch and Call-ID): one transaction each.
        List<UnaryOperator<String>> breakages = List.of(
                valid -> "OPTIONS sip:" + RawSip.HOST + "\r\n" + valid.substring(valid.indexOf("\r\n") + 2),
                valid -> valid.replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS"),
                valid -> valid.replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE"), // RFC 3261 8.1.1.5: must match
                valid -> valid.replace("Max-Forwards: 70", "Via: SIP/2.0/UDP\r\nMax-Forwards: 70"),
                valid -> valid.replace("From: <sip:", "From: <<<sip:"),
                valid -> valid.replace("Content-Length: 0", "Content-Length: 50"),
                valid -> valid.replace("Content-Length: 0", "Content-Length: -7"));
        // Not here: "SIP/3.0" in the request line. JAIN-SIP's parser reads any version as SIP/2.0, so
        // such a request is answered normally instead of 505 (badvers.dat, whose Via says SIP/7.0 too,
        // is dropped).
        List<byte[]> junk = new java.util.ArrayList<>();
        for (UnaryOperator<String> breakage : breakages) {
            junk.add(breakage.apply(RawSip.request("OPTIONS", "sip:" + RawSip.HOST, 5060, "UDP", "")).getBytes(StandardCharsets.UTF_8));
        }
        junk.addAll(List.of(randomBytes(1400, 1), randomBytes(60000, 2), new byte[0], "\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        for (byte[] message : junk) {
            try (DatagramSocket socket = RawSip.udpSocket()) {
                assertNotSuccess(new Row("own", "-", false, ""), RawSip.udpExchange(socket, message, 800));
            }
            assertNotSuccess(new Row("own", "-", false, ""), RawSip.tcp(message, 800));
            assertTrue(RawSip.alive(), "no OPTIONS answer after " + new String(message, 0, Math.min(60, message.length), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void hugeHeadersAndHalfMessagesOverTcpDoNotHurt() throws Exception {
        String valid = RawSip.request("OPTIONS", "sip:" + RawSip.HOST, 5060, "TCP", "");
        // 200 KB of header: above the maximum message size, the connection is cut.
        String huge = valid.replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nX-Huge: " + "a".repeat(200_000) + "\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(RawSip.HOST, RawSip.port()), 2000);
            socket.setSoTimeout(3000);
            try {
                socket.getOutputStream().write(huge.getBytes(StandardCharsets.UTF_8));
                String reply = RawSip.readReply(socket.getInputStream());
                assertNotSuccess(new Row("huge", "-", false, ""), reply);
            } catch (IOException closedOnUs) {
                // what we want: the server gave up on the connection
            }
        }
        // Half a message, then silence; then half a message and close.
        for (boolean close : new boolean[] {false, true}) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(RawSip.HOST, RawSip.port()), 2000);
            OutputStream out = socket.getOutputStream();
            out.write(valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (close) {
                socket.close();
            }
            assertTrue(RawSip.alive(), "no OPTIONS answer with a half message pending");
            socket.close();
        }
        // Many connections at once, each with junk.
        for (int i = 0; i < 50; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(RawSip.HOST, RawSip.port()), 2000);
                socket.getOutputStream().write(randomBytes(2000, i));
            }
        }
        assertTrue(RawSip.alive());
    }

    private static void assertNotSuccess(Row row, String reply) {
        assertTrue(reply == null || RawSip.status(reply) >= 300 || RawSip.status(reply) < 0,
                row.file() + " (invalid) was accepted:\n[" + reply + "]");
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * Replaces the top Via's transport and sent-by (across folded LWS) with UDP and our socket, so
     * the reply comes back to us, and makes its branch unique, so the server sees a new transaction
     * rather than a retransmission of the byte-exact copy sent before. Only headers change.
     */
    static byte[] readdress(byte[] message, int port) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("SIP\\s*/\\s*2\\.0\\s*/\\s*[A-Za-z]+\\s+[^;,\\s]+").matcher(text);
        if (!m.find()) {
            return message;
        }
        String rest = text.substring(m.end());
        Matcher branch = Pattern.compile("branch=([^;,\\s]+)").matcher(rest);
        if (branch.find()) {
            rest = rest.substring(0, branch.end(1)) + "." + port + rest.substring(branch.end(1));
        }
        String changed = text.substring(0, m.start()) + "SIP/2.0/UDP " + RawSip.HOST + ":" + port + rest;
        return changed.getBytes(StandardCharsets.ISO_8859_1);
    }
}
