package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzing the running service's SIP parsing and routing: mutated RFC 4475 messages
 * ({@link SipMutator}) over UDP and TCP, from 127.0.0.1 (never banned here, so every input is
 * read). Each input is answered or dropped: no request handler throws (the engine logs "handling
 * ... failed" when one does, and answers 500), and the server answers OPTIONS afterwards over
 * both transports. {@code -Dswitchboard.fuzz.inputs} (2,000 here, in seconds; bench/fuzz runs far
 * more) and {@code -Dswitchboard.fuzz.seed} choose how many and which.
 */
@ExtendWith(RunningService.class)
class FuzzIT {

    private static final Path RFC4475 = Path.of(System.getProperty("switchboard.test.rfc4475"));
    private static final Path SERVER_LOG = Path.of(System.getProperty("switchboard.e2e.var"), "wildfly/log/server.log");

    @Test
    void everyMutatedMessageIsAnsweredOrDroppedAndTheServerStaysUp() throws Exception {
        int inputs = Integer.getInteger("switchboard.fuzz.inputs", 2000);
        long seed = Long.getLong("switchboard.fuzz.seed", 4475L);
        SipMutator mutator = new SipMutator(seeds(), seed);
        long failuresBefore = handlerFailures();
        int tcpEvery = 20;
        try (DatagramSocket udp = RawSip.udpSocket()) {
            udp.setReceiveBufferSize(4 << 20);
            Thread drain = drain(udp);
            InetAddress server = InetAddress.getByName(RawSip.HOST);
            for (int i = 0; i < inputs; i++) {
                byte[] input = mutator.next();
                if (i % tcpEvery == 0) {
                    tcp(input);
                } else if (input.length < 65_000) {
                    udp.send(new DatagramPacket(input, input.length, server, RawSip.port()));
                }
                if (i % 200 == 199) {
                    Thread.sleep(100); // under the executor's queue: shed load is not what this tests
                }
            }
            Thread.sleep(2000);
            drain.interrupt();
        }
        assertNotNull(RawSip.udp("OPTIONS", "sip:" + RawSip.HOST + ":" + RawSip.port(), ""), "no answer over UDP after fuzzing");
        String tcp = RawSip.tcp("OPTIONS", "sip:" + RawSip.HOST + ":" + RawSip.port(), "");
        assertEquals(200, RawSip.status(tcp), "over TCP after fuzzing: " + tcp);
        assertEquals(failuresBefore, handlerFailures(), "request handlers threw (server.log: 'handling ... failed'), seed " + seed);
    }

    private static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(RFC4475)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dat")).sorted().toList()) {
                seeds.add(Files.readAllBytes(file));
            }
        }
        assertTrue(seeds.size() > 40, "RFC 4475 messages in " + RFC4475);
        return seeds;
    }

    /** One input on a fresh TCP connection, closed after a short wait for an answer. */
    private static void tcp(byte[] input) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(RawSip.HOST, RawSip.port()), 2000);
            socket.setSoTimeout(50);
            socket.getOutputStream().write(input);
            socket.getOutputStream().flush();
            socket.getInputStream().read();
        } catch (IOException e) {
            // a reset or no answer: dropped
        }
    }

    /** Reads and forgets the answers, so the socket's buffer never fills. */
    private static Thread drain(DatagramSocket socket) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65535];
            while (!Thread.currentThread().isInterrupted() && !socket.isClosed()) {
                try {
                    socket.setSoTimeout(200);
                    socket.receive(new DatagramPacket(buffer, buffer.length));
                } catch (IOException e) {
                    // timeout or closed
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Lines where the engine reports that a request's handler threw. */
    private static long handlerFailures() throws IOException {
        if (!Files.exists(SERVER_LOG)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(SERVER_LOG, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains("RequestDispatcher") && l.contains("handling ") && l.contains(" failed")).count();
        }
    }
}
