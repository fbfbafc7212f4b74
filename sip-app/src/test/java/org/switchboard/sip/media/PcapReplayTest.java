package org.switchboard.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Real G.711 speech: the RTP payloads of the capture SIPp ships (Debian's sip-tester), replayed
 * into the recorder with their captured arrival times.
 */
class PcapReplayTest {

    private static final Path CAPTURE = Path.of("/usr/share/sip-tester/g711a.pcap");

    @Test
    void sippsG711CaptureRecordsAtItsLengthAndIsNotSilent() throws Exception {
        assumeTrue(Files.isReadable(CAPTURE), CAPTURE + " is missing: apt-get install sip-tester");
        ByteBuffer pcap = ByteBuffer.wrap(Files.readAllBytes(CAPTURE)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0xA1B2C3D4, pcap.getInt(0), "little-endian classic pcap");
        assertEquals(1, pcap.getInt(20), "Ethernet link type");
        RtpRecorder recorder = new RtpRecorder(Duration.ofSeconds(120), OptionalInt.empty());
        long firstTimestamp = -1;
        long lastTimestamp = -1;
        int packets = 0;
        for (int offset = 24; offset + 16 <= pcap.limit(); ) {
            long arrivalNanos = (pcap.getInt(offset) & 0xFFFFFFFFL) * 1_000_000_000L + pcap.getInt(offset + 4) * 1000L;
            int length = pcap.getInt(offset + 8);
            ByteBuffer frame = pcap.slice(offset + 16, length).order(ByteOrder.BIG_ENDIAN);
            offset += 16 + length;
            if (frame.getShort(12) != 0x0800 || frame.get(23) != 17) {
                continue; // not IPv4/UDP
            }
            int udp = 14 + 4 * (frame.get(14) & 0x0F);
            ByteBuffer payload = frame.slice(udp + 8, length - udp - 8);
            var packet = RtpPacket.parse(payload);
            if (packet.isEmpty() || packet.get().payloadType() != 8) {
                continue;
            }
            lastTimestamp = packet.get().timestamp();
            if (firstTimestamp < 0) {
                firstTimestamp = lastTimestamp;
            }
            packets++;
            recorder.accept(packet.get(), arrivalNanos);
        }
        double sentSeconds = (lastTimestamp - firstTimestamp + 160) / 8000.0;
        double recordedSeconds = recorder.pcm().length / 2 / 8000.0;
        assertTrue(packets > 200, packets + " RTP packets in the capture");
        assertEquals(sentSeconds, recordedSeconds, 0.5, "recorded length matches what was sent");
        assertTrue(TestAudio.peak(recorder.pcm(), 0, recorder.pcm().length / 2) > 2000, "speech, not silence");
        assertTrue(recorder.lastVoiceNanos() > 0);
    }
}
