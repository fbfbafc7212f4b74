package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A burst far beyond what the server can answer (the stack's defaults once died of it: 1,000
 * OPTIONS/s ran the heap out and killed its UDP thread). Whatever the server does with the burst,
 * every 503 it sheds load with carries Retry-After, and afterwards it answers OPTIONS again.
 */
@ExtendWith(RunningService.class)
class OverloadIT {

    private static final int BURST = 30_000;

    @Test
    void aBurstOfOptionsIsShedAndTheServerKeepsServing() throws Exception {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger shed = new AtomicInteger();
        AtomicInteger shedWithoutRetryAfter = new AtomicInteger();
        try (DatagramSocket socket = new DatagramSocket(new java.net.InetSocketAddress(RawSip.HOST, 0))) {
            socket.setReceiveBufferSize(4 << 20);
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[65535];
                try {
                    socket.setSoTimeout(5000);
                    while (true) {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        String reply = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                        if (reply.startsWith("SIP/2.0 200")) {
                            ok.incrementAndGet();
                        } else if (reply.startsWith("SIP/2.0 503")) {
                            shed.incrementAndGet();
                            if (RawSip.header(reply, "Retry-After") == null) {
                                shedWithoutRetryAfter.incrementAndGet();
                            }
                        }
                    }
                } catch (SocketTimeoutException quiet) {
                    // 5 s without a reply: the burst is over
                } catch (java.io.IOException e) {
                    // socket closed
                }
            });
            reader.start();
            InetAddress server = InetAddress.getByName(RawSip.HOST);
            for (int i = 0; i < BURST; i++) {
                byte[] message = RawSip.request("OPTIONS", "sip:" + RawSip.HOST + ":" + RawSip.port(), socket.getLocalPort(),
                        "UDP", "").getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(message, message.length, server, RawSip.port()));
            }
            reader.join(60_000);
        }
        String counts = BURST + " sent: " + ok + " answered 200, " + shed + " shed with 503";
        System.out.println("OverloadIT: " + counts);
        assertTrue(ok.get() > 0, counts);
        assertTrue(shedWithoutRetryAfter.get() == 0, shedWithoutRetryAfter + " 503s without Retry-After; " + counts);
        long deadline = System.currentTimeMillis() + 15_000;
        boolean alive = false;
        while (!alive && System.currentTimeMillis() < deadline) {
            alive = RawSip.alive();
        }
        assertTrue(alive, "no 200 to OPTIONS within 15 s of the burst; " + counts);
    }
}
