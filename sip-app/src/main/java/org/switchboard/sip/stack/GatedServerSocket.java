package org.switchboard.sip.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The stack's TCP listening socket: connections from banned sources are closed as they are accepted, unread. */
final class GatedServerSocket extends ServerSocket {

    GatedServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        super(port, backlog, bindAddress);
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            Socket socket = super.accept();
            if (PacketGate.admits(socket.getInetAddress())) {
                return socket;
            }
            socket.setSoLinger(true, 0); // a reset: no FIN handshake kept for a banned peer
            socket.close();
        }
    }
}
