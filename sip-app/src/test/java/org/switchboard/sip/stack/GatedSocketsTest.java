package org.switchboard.sip.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stack's gated sockets on real loopback sockets: a banned source is never handed to the stack. */
class GatedSocketsTest {

    @AfterEach
    void uninstall() {
        PacketGate.uninstall();
    }

    @Test
    void datagramsOfABannedSourceAreSkippedInsideReceive() throws Exception {
        InetAddress banned = InetAddress.getByName("127.0.0.2");
        PacketGate.install(source -> !source.equals(banned));
        try (GatedDatagramSocket server = new GatedDatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket attacker = new DatagramSocket(new InetSocketAddress(banned, 0));
                DatagramSocket phone = new DatagramSocket(new InetSocketAddress("127.0.0.3", 0))) {
            server.setSoTimeout(5000);
            for (int i = 0; i < 100; i++) { // few enough for the kernel's receive buffer
                send(attacker, server, "OPTIONS flood " + i);
            }
            send(phone, server, "REGISTER from the phone");
            byte[] buffer = new byte[2048];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            server.receive(packet);
            assertEquals("REGISTER from the phone", new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
            assertEquals(InetAddress.getByName("127.0.0.3"), packet.getAddress());
            assertEquals(buffer.length, packet.getData().length, "the stack's buffer is kept");
        }
    }

    @Test
    void withoutAGateEverythingIsRead() throws Exception {
        try (GatedDatagramSocket server = new GatedDatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                DatagramSocket peer = new DatagramSocket(new InetSocketAddress("127.0.0.2", 0))) {
            server.setSoTimeout(5000);
            send(peer, server, "hello");
            DatagramPacket packet = new DatagramPacket(new byte[100], 100);
            server.receive(packet);
            assertEquals(5, packet.getLength());
        }
    }

    @Test
    void connectionsOfABannedSourceAreClosedUnread() throws Exception {
        InetAddress banned = InetAddress.getByName("127.0.0.2");
        PacketGate.install(source -> !source.equals(banned));
        try (GatedServerSocket server = new GatedServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            server.setSoTimeout(5000);
            try (Socket attacker = new Socket()) {
                attacker.bind(new InetSocketAddress(banned, 0));
                attacker.connect(server.getLocalSocketAddress());
                try (Socket phone = new Socket()) {
                    phone.bind(new InetSocketAddress("127.0.0.3", 0));
                    phone.connect(server.getLocalSocketAddress());
                    try (Socket accepted = server.accept()) {
                        assertEquals(InetAddress.getByName("127.0.0.3"), accepted.getInetAddress());
                    }
                }
                attacker.setSoTimeout(5000);
                assertThrows(IOException.class, () -> {
                    attacker.getOutputStream().write(new byte[1]);
                    if (attacker.getInputStream().read() < 0) {
                        throw new IOException("closed");
                    }
                });
            }
        }
    }

    @Test
    void aGateThatThrowsAdmits() {
        PacketGate.install(source -> {
            throw new IllegalStateException("broken");
        });
        assertTrue(PacketGate.admits(InetAddress.getLoopbackAddress()));
    }

    private static void send(DatagramSocket from, DatagramSocket to, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        from.send(new DatagramPacket(bytes, bytes.length, to.getLocalSocketAddress()));
    }
}
