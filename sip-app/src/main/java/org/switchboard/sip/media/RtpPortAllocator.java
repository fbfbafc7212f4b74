package org.switchboard.sip.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

/**
 * Hands out RTP ports from a configured range: an even port for RTP and the next odd one for RTCP
 * (RFC 3550 section 11), both bound, so a port another program holds is simply skipped. Allocation
 * goes round the range, so a port just released is the last to be reused (a late packet of the
 * previous call does not land in the next one). Thread-safe.
 */
public final class RtpPortAllocator {

    private final int first;
    private final int pairs;
    private int next;

    /** @param min lowest port of the range, @param max highest; at least one even/odd pair between them */
    public RtpPortAllocator(int min, int max) {
        int even = min + (min & 1);
        if (min < 1024 || max > 65_535 || even + 1 > max) {
            throw new IllegalArgumentException("RTP port range " + min + "-" + max + " holds no even/odd pair above 1023");
        }
        this.first = even;
        this.pairs = (max - even + 1) / 2;
    }

    /** Binds the next free pair on {@code address}; fails when every pair of the range is taken. */
    public synchronized RtpPorts allocate(InetAddress address) {
        for (int tried = 0; tried < pairs; tried++) {
            int port = first + 2 * next;
            next = (next + 1) % pairs;
            DatagramChannel rtp = bind(address, port);
            if (rtp == null) {
                continue;
            }
            DatagramChannel rtcp = bind(address, port + 1);
            if (rtcp == null) {
                closeQuietly(rtp);
                continue;
            }
            return new RtpPorts(rtp, rtcp, port);
        }
        throw new UncheckedIOException(new IOException("no free RTP port pair in " + first + "-" + (first + 2 * pairs - 1)));
    }

    private static DatagramChannel bind(InetAddress address, int port) {
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress(address, port));
            return channel;
        } catch (IOException e) {
            if (channel != null) {
                closeQuietly(channel);
            }
            return null;
        }
    }

    static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a UDP socket only fails if it is already closed
        }
    }
}
