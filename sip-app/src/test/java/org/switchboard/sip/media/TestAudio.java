package org.switchboard.sip.media;

/** Test audio: a sine tone as 16-bit PCM, and G.711 RTP packets of it. */
final class TestAudio {

    private TestAudio() {
    }

    /** {@code samples} of a 440 Hz sine at half scale, 16-bit little-endian. */
    static byte[] sine(int samples) {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short value = (short) (16_000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        return pcm;
    }

    /** {@code count} packets of 160 samples of the sine, from the given first sequence number and timestamp. */
    static RtpPacket[] packets(G711 codec, int count, int firstSequence, long firstTimestamp, long ssrc) {
        byte[] g711 = codec.fromPcm16(sine(count * 160));
        RtpPacket[] packets = new RtpPacket[count];
        for (int i = 0; i < count; i++) {
            byte[] payload = java.util.Arrays.copyOfRange(g711, i * 160, (i + 1) * 160);
            packets[i] = new RtpPacket(i == 0, codec.payloadType(), (firstSequence + i) & 0xFFFF,
                    (firstTimestamp + 160L * i) & 0xFFFFFFFFL, ssrc, payload);
        }
        return packets;
    }

    /** True when every sample of {@code pcm} from sample {@code from} (inclusive) to {@code to} is zero. */
    static boolean silent(byte[] pcm, int from, int to) {
        for (int i = from * 2; i < to * 2; i++) {
            if (pcm[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static int peak(byte[] pcm, int from, int to) {
        int peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs((short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8))));
        }
        return peak;
    }
}
