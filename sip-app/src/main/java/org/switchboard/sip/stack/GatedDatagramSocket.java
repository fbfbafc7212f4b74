package org.switchboard.sip.stack;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * The stack's UDP socket, which throws away datagrams from banned sources inside {@code receive},
 * before the stack copies, queues or parses them: a dropped packet costs one lookup and no answer.
 */
final class GatedDatagramSocket extends DatagramSocket {

    GatedDatagramSocket(SocketAddress bindAddress) throws SocketException {
        super(bindAddress);
    }

    @Override
    public void receive(DatagramPacket packet) throws IOException {
        int capacity = packet.getData().length - packet.getOffset();
        while (true) {
            packet.setLength(capacity); // receive() shrinks it to the datagram just read
            super.receive(packet);
            if (PacketGate.admits(packet.getAddress())) {
                return;
            }
        }
    }
}
