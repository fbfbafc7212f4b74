package org.switchboard.e2e;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A phone of another domain on a loopback address of its own, which the proxy forwards calls to
 * (forward-to-other-domains is on in e2e.properties). It answers every INVITE 486 Busy Here, or,
 * when ringing, 180 only, keeping the INVITEs until {@link #rejectAll()}.
 */
final class BusyPhone implements AutoCloseable {

    private final LoopbackPeer peer;
    private final boolean ringing;
    private final List<DatagramPacket> held = new CopyOnWriteArrayList<>();
    private final Thread thread;

    BusyPhone(String address) throws IOException {
        this(address, false);
    }

    BusyPhone(String address, boolean ringing) throws IOException {
        this.peer = new LoopbackPeer(address);
        this.ringing = ringing;
        this.thread = new Thread(this::answer, "phone " + address);
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return peer.port();
    }

    private void answer() {
        byte[] buffer = new byte[65535];
        try {
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                peer.socket.receive(packet);
                String request = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                if (!request.startsWith("INVITE ")) {
                    continue; // ACKs, and CANCELs of nothing we keep
                }
                DatagramPacket copy = new DatagramPacket(packet.getData().clone(), packet.getLength(), packet.getSocketAddress());
                if (ringing) {
                    if (held.stream().noneMatch(p -> callId(p).equals(callId(copy)))) {
                        held.add(copy);
                    }
                    send(copy, "180 Ringing");
                } else {
                    send(copy, "486 Busy Here");
                }
            }
        } catch (SocketException closed) {
            // closed
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** INVITEs ringing now. */
    int ringingCalls() {
        return held.size();
    }

    /** Turns every held call down (486): the calls end. */
    void rejectAll() throws IOException {
        for (DatagramPacket invite : held) {
            send(invite, "486 Busy Here");
        }
        held.clear();
    }

    private void send(DatagramPacket request, String status) throws IOException {
        String text = new String(request.getData(), 0, request.getLength(), StandardCharsets.UTF_8);
        byte[] answer = RawSip.answer(text, status, "").getBytes(StandardCharsets.UTF_8);
        peer.socket.send(new DatagramPacket(answer, answer.length, request.getSocketAddress()));
    }

    private static String callId(DatagramPacket packet) {
        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        return String.valueOf(RawSip.header(text, "Call-ID"));
    }

    @Override
    public void close() {
        peer.close();
    }
}
