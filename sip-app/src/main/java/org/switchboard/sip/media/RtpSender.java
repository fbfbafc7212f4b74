package org.switchboard.sip.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Sends G.711 as RTP, one packet every 20 ms (160 samples, RFC 3551 section 4.5 default packet
 * time), from the port we receive on. The first packet of a talkspurt has the marker bit (section
 * 4.1), timestamps advance by the samples sent, and SSRC, first sequence number and first timestamp
 * are random (RFC 3550 section 5.1). The destination follows where the caller's packets come from
 * (symmetric RTP, RFC 4961), so a phone behind NAT hears us.
 */
final class RtpSender {

    static final int SAMPLES_PER_PACKET = 160;
    private static final long PACKET_NANOS = 20_000_000L;

    private final DatagramChannel channel;
    private final G711 codec;
    private final long ssrc;
    private int sequence;
    private long timestamp;
    private volatile InetSocketAddress destination;

    RtpSender(DatagramChannel channel, G711 codec, InetSocketAddress destination) {
        SecureRandom random = new SecureRandom();
        this.channel = channel;
        this.codec = codec;
        this.destination = destination;
        this.ssrc = random.nextInt() & 0xFFFFFFFFL;
        this.sequence = random.nextInt(1 << 16);
        this.timestamp = random.nextInt() & 0xFFFFFFFFL;
    }

    /** Where the caller's RTP came from: from now on we send there. */
    void latch(InetSocketAddress source) {
        destination = source;
    }

    InetSocketAddress destination() {
        return destination;
    }

    long ssrc() {
        return ssrc;
    }

    /** Sends {@code g711} paced in real time; returns early when {@code stop} says so. */
    void play(byte[] g711, BooleanSupplier stop) throws IOException {
        byte silence = codec.fromPcm16(new byte[2])[0];
        long start = System.nanoTime();
        for (int offset = 0, index = 0; offset < g711.length && !stop.getAsBoolean(); offset += SAMPLES_PER_PACKET, index++) {
            byte[] payload = new byte[SAMPLES_PER_PACKET];
            java.util.Arrays.fill(payload, silence);
            System.arraycopy(g711, offset, payload, 0, Math.min(SAMPLES_PER_PACKET, g711.length - offset));
            // Paced against the start, not the previous packet, so the stream does not drift.
            long due = start + index * PACKET_NANOS;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            RtpPacket packet = new RtpPacket(index == 0, codec.payloadType(), sequence, timestamp, ssrc, payload);
            channel.send(packet.encode(), destination);
            sequence = (sequence + 1) & 0xFFFF;
            timestamp = (timestamp + SAMPLES_PER_PACKET) & 0xFFFFFFFFL;
        }
    }
}
