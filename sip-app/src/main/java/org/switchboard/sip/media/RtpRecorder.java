package org.switchboard.sip.media;

import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Turns the caller's RTP packets into one continuous 16-bit PCM recording, as a real network
 * delivers them: lost, late, duplicated or reordered.
 *
 * <p>Each packet is placed by its RTP timestamp (RFC 3550 section 5.1: the sampling instant of its
 * first sample), so a gap left by lost packets stays zero, silence of exactly their length, and a
 * late or reordered packet still lands in its own place. Sequence numbers tell duplicates (dropped)
 * and late packets (counted). Both are extended past their wraparound (16 and 32 bits) by taking the
 * nearest value to the last one seen, as RFC 3550 appendix A.1 does for sequence numbers.
 *
 * <p>A new SSRC (the phone restarted its stream, a media relay switched over: section 8.2) has its
 * own unrelated timestamps: its stream starts where the arrival time puts it, never over what is
 * already recorded. RTCP, RFC 4733 telephone-events, comfort noise and other payload types are
 * not audio and are ignored. Not thread-safe: one receive loop owns it.
 */
public final class RtpRecorder {

    /** Peak level (of 32767) above which a packet counts as voice for the silence timeout (about -36 dBFS). */
    static final int VOICE_LEVEL = 500;

    private static final int MAX_STREAMS = 8;

    private final int maxSamples;
    private final OptionalInt telephoneEventPayloadType;
    private final Map<Long, Stream> streams = new LinkedHashMap<>();
    private byte[] pcm = new byte[G711.SAMPLE_RATE * 2 * 10];
    private int endSample;
    private long firstArrivalNanos = -1;
    private long lastVoiceNanos = -1;
    private final Statistics stats = new Statistics();

    /**
     * @param maxLength the longest recording; audio placed beyond it is not kept
     * @param telephoneEventPayloadType the dynamic payload type the SDP gave RFC 4733 events, if any
     */
    public RtpRecorder(Duration maxLength, OptionalInt telephoneEventPayloadType) {
        this.maxSamples = Math.toIntExact(maxLength.toMillis() * G711.SAMPLE_RATE / 1000);
        this.telephoneEventPayloadType = telephoneEventPayloadType;
    }

    /** Places one received packet; {@code arrivalNanos} is {@link System#nanoTime()} at arrival. */
    public void accept(RtpPacket packet, long arrivalNanos) {
        if (telephoneEventPayloadType.isPresent() && packet.payloadType() == telephoneEventPayloadType.getAsInt()) {
            stats.events++;
            return;
        }
        G711 codec = G711.ofPayloadType(packet.payloadType()).orElse(null);
        if (codec == null || packet.payload().length == 0) {
            stats.ignored++;
            return;
        }
        if (firstArrivalNanos < 0) {
            firstArrivalNanos = arrivalNanos;
            lastVoiceNanos = arrivalNanos;
        }
        Stream stream = streams.get(packet.ssrc());
        if (stream == null) {
            stream = newStream(packet, arrivalNanos);
        }
        if (!stream.firstTime(packet)) {
            stats.duplicates++;
            return;
        }
        long position = stream.position(packet.timestamp());
        if (position < 0 || position >= maxSamples) {
            stats.outOfRange++;
            return;
        }
        byte[] samples = codec.toPcm16(packet.payload(), 0, packet.payload().length);
        int count = (int) Math.min(samples.length / 2, maxSamples - position);
        write((int) position, samples, count);
        stats.packets++;
        if (peak(samples) > VOICE_LEVEL) {
            lastVoiceNanos = Math.max(lastVoiceNanos, arrivalNanos);
        }
    }

    private Stream newStream(RtpPacket packet, long arrivalNanos) {
        if (!streams.isEmpty()) {
            stats.ssrcChanges++;
        }
        if (streams.size() == MAX_STREAMS) {
            streams.remove(streams.keySet().iterator().next());
        }
        long byArrival = (arrivalNanos - firstArrivalNanos) * G711.SAMPLE_RATE / 1_000_000_000L;
        Stream stream = new Stream(packet, Math.max(endSample, byArrival));
        streams.put(packet.ssrc(), stream);
        return stream;
    }

    private void write(int position, byte[] samples, int count) {
        int needed = (position + count) * 2;
        if (needed > pcm.length) {
            pcm = Arrays.copyOf(pcm, Math.max(needed, Math.min(pcm.length * 2, maxSamples * 2)));
        }
        System.arraycopy(samples, 0, pcm, position * 2, count * 2);
        endSample = Math.max(endSample, position + count);
    }

    private static int peak(byte[] pcm16) {
        int peak = 0;
        for (int i = 0; i + 1 < pcm16.length; i += 2) {
            int sample = (short) ((pcm16[i] & 0xFF) | (pcm16[i + 1] << 8));
            peak = Math.max(peak, Math.abs(sample));
        }
        return peak;
    }

    /** Whether the recording reached its maximum length. */
    public boolean full() {
        return endSample >= maxSamples;
    }

    /** {@link System#nanoTime()} of the last packet with voice in it, or -1 before any audio arrived. */
    public long lastVoiceNanos() {
        return lastVoiceNanos;
    }

    /** The recording so far, 16-bit little-endian PCM, 8 kHz mono; gaps are zero. */
    public byte[] pcm() {
        return Arrays.copyOf(pcm, endSample * 2);
    }

    public Duration length() {
        return Duration.ofMillis(endSample * 1000L / G711.SAMPLE_RATE);
    }

    public Statistics statistics() {
        return stats;
    }

    /** What the recorder saw, for logs and tests. */
    public static final class Statistics {
        int packets;
        int duplicates;
        int late;
        int ssrcChanges;
        int events;
        int ignored;
        int outOfRange;

        public int packets() {
            return packets;
        }

        public int duplicates() {
            return duplicates;
        }

        /** Packets that came after one with a higher sequence number (reordered or late). */
        public int late() {
            return late;
        }

        public int ssrcChanges() {
            return ssrcChanges;
        }

        public int telephoneEvents() {
            return events;
        }

        /** Packets of a payload type that is not audio we record (comfort noise, unknown). */
        public int ignored() {
            return ignored;
        }

        /** Packets before the start of their stream or past the maximum length. */
        public int outOfRange() {
            return outOfRange;
        }

        @Override
        public String toString() {
            return packets + " packets, " + duplicates + " duplicates, " + late + " late, " + ssrcChanges
                    + " SSRC changes, " + events + " telephone-events, " + ignored + " ignored, " + outOfRange
                    + " out of range";
        }
    }

    /** One SSRC's sequence and timestamp space, mapped onto the recording. */
    private final class Stream {
        private static final int SEEN_WINDOW = 1 << 16;

        private final long startPosition;
        private final long firstTimestamp;
        private long highestTimestamp;
        private long highestSequence;
        private final long firstSequence;
        private final BitSet seen = new BitSet();

        Stream(RtpPacket first, long startPosition) {
            this.startPosition = startPosition;
            this.firstTimestamp = first.timestamp();
            this.highestTimestamp = first.timestamp();
            this.firstSequence = first.sequence();
            this.highestSequence = first.sequence();
        }

        /** Marks the packet's sequence number seen; false for a duplicate. */
        boolean firstTime(RtpPacket packet) {
            long extended = highestSequence + (short) (packet.sequence() - (int) (highestSequence & 0xFFFF));
            long index = extended - firstSequence + SEEN_WINDOW;
            // A jump further than any recording of maxSamples can hold is left untracked, so a
            // wild sequence number cannot make the set grow without bound.
            if (index >= 0 && index < 2L * SEEN_WINDOW + maxSamples) {
                if (seen.get((int) index)) {
                    return false;
                }
                seen.set((int) index);
            }
            if (extended < highestSequence) {
                stats.late++;
            }
            highestSequence = Math.max(highestSequence, extended);
            return true;
        }

        /** The sample position in the recording of this timestamp (may be negative: before the stream began). */
        long position(long timestamp) {
            long extended = highestTimestamp + (int) (timestamp - (highestTimestamp & 0xFFFFFFFFL));
            highestTimestamp = Math.max(highestTimestamp, extended);
            return startPosition + (extended - firstTimestamp);
        }
    }
}
