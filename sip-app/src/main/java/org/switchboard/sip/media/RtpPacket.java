package org.switchboard.sip.media;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * An RTP packet (RFC 3550 section 5.1): the fixed header, then CSRCs, an optional extension and
 * padding, which are skipped to reach the payload. Sequence number and timestamp are kept
 * unsigned (16 and 32 bits); the receiver extends them across wraparound.
 */
public record RtpPacket(boolean marker, int payloadType, int sequence, long timestamp, long ssrc, byte[] payload) {

    private static final int HEADER = 12;

    /**
     * RTCP sent to the RTP port (RFC 5761 section 4): its second byte, the packet type, is 192-223,
     * which in RTP would be marker + payload type 64-95, a range RTP must not use for that reason.
     */
    public static boolean isRtcp(ByteBuffer datagram) {
        if (datagram.remaining() < 2) {
            return false;
        }
        int type = datagram.get(datagram.position() + 1) & 0xFF;
        return type >= 192 && type <= 223;
    }

    /** The packet in {@code datagram} (position to limit), or empty if it is not well-formed RTP version 2. */
    public static Optional<RtpPacket> parse(ByteBuffer datagram) {
        ByteBuffer in = datagram.slice();
        if (in.remaining() < HEADER) {
            return Optional.empty();
        }
        int first = in.get(0) & 0xFF;
        int second = in.get(1) & 0xFF;
        if (first >> 6 != 2) {
            return Optional.empty();
        }
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0F;
        int offset = HEADER + 4 * csrcCount;
        int end = in.remaining();
        if (extension) {
            if (end < offset + 4) {
                return Optional.empty();
            }
            offset += 4 + 4 * (in.getShort(offset + 2) & 0xFFFF);
        }
        if (padding && end > offset) {
            end -= in.get(end - 1) & 0xFF;
        }
        if (offset > end) {
            return Optional.empty();
        }
        byte[] payload = new byte[end - offset];
        in.get(offset, payload);
        return Optional.of(new RtpPacket((second & 0x80) != 0, second & 0x7F, in.getShort(2) & 0xFFFF,
                in.getInt(4) & 0xFFFFFFFFL, in.getInt(8) & 0xFFFFFFFFL, payload));
    }

    /** The packet as sent: fixed header, no CSRC, extension or padding. */
    public ByteBuffer encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER + payload.length);
        out.put((byte) 0x80);
        out.put((byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F)));
        out.putShort((short) sequence);
        out.putInt((int) timestamp);
        out.putInt((int) ssrc);
        out.put(payload);
        return out.flip();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RtpPacket p && marker == p.marker && payloadType == p.payloadType
                && sequence == p.sequence && timestamp == p.timestamp && ssrc == p.ssrc
                && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(ssrc) * 31 + sequence;
    }

    @Override
    public String toString() {
        return "RTP(pt=" + payloadType + ", seq=" + sequence + ", ts=" + timestamp + ", ssrc=" + ssrc + ", "
                + payload.length + " bytes" + (marker ? ", marker" : "") + ")";
    }
}
