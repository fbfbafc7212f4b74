package org.switchboard.sip.stack;

import java.net.InetAddress;

/**
 * Where the sockets of {@link GatedNetworkLayer} ask, for every datagram and every TCP connection,
 * whether its source may be read at all: the SIP engine installs the abuse defence's ban list here.
 * Static, because the stack makes its network layer by class name; one application per stack.
 * Until something is installed every source is admitted.
 */
public final class PacketGate {

    /** Answers on the stack's receiving thread, once per packet: a map lookup, never a wait. */
    @FunctionalInterface
    public interface Gate {
        boolean admits(InetAddress source);
    }

    private static volatile Gate gate;

    private PacketGate() {
    }

    public static void install(Gate newGate) {
        gate = newGate;
    }

    public static void uninstall() {
        gate = null;
    }

    static boolean admits(InetAddress source) {
        Gate current = gate;
        if (current == null || source == null) {
            return true;
        }
        try {
            return current.admits(source);
        } catch (RuntimeException e) {
            return true; // a broken gate must not stop receiving
        }
    }
}
