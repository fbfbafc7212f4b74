package org.switchboard.sip.media;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

/** A bound RTP/RTCP port pair from {@link RtpPortAllocator}; closing it frees both ports. */
public final class RtpPorts implements AutoCloseable {

    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final int rtpPort;

    RtpPorts(DatagramChannel rtp, DatagramChannel rtcp, int rtpPort) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.rtpPort = rtpPort;
    }

    /** The even port, for the SDP m= line; RTCP is on the next one. */
    public int rtpPort() {
        return rtpPort;
    }

    public InetSocketAddress rtpAddress() {
        return new InetSocketAddress(rtp.socket().getLocalAddress(), rtpPort);
    }

    DatagramChannel rtp() {
        return rtp;
    }

    DatagramChannel rtcp() {
        return rtcp;
    }

    @Override
    public void close() {
        RtpPortAllocator.closeQuietly(rtp);
        RtpPortAllocator.closeQuietly(rtcp);
    }
}
