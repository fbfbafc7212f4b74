package org.switchboard.sip.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The recorder against a sender that loses, duplicates and reorders packets, wraps and changes SSRC. */
class RtpRecorderTest {

    private static final long MS = 1_000_000L;

    private final RtpRecorder recorder = new RtpRecorder(Duration.ofSeconds(120), OptionalInt.of(101));

    @Test
    void lostPacketsBecomeSilenceOfTheirLengthAndTheRestIsInPlace() {
        RtpPacket[] sent = TestAudio.packets(G711.PCMA, 100, 1000, 5000, 42);
        Set<Integer> lost = Set.of(10, 11, 50);
        List<RtpPacket> network = new ArrayList<>();
        for (int i = 0; i < sent.length; i++) {
            if (!lost.contains(i)) {
                network.add(sent[i]);
            }
        }
        network.add(21, sent[20]);                       // duplicated
        java.util.Collections.swap(network, 30, 31);     // reordered
        network.add(network.remove(60));                 // very late: arrives after all the others
        feed(network);

        byte[] pcm = recorder.pcm();
        assertEquals(100 * 160, pcm.length / 2, "the WAV spans every packet sent, lost ones included");
        byte[] expected = G711.PCMA.toPcm16(concat(sent), 0, 100 * 160);
        for (int i = 0; i < 100; i++) {
            byte[] got = Arrays.copyOfRange(pcm, i * 320, (i + 1) * 320);
            if (lost.contains(i)) {
                assertTrue(TestAudio.silent(pcm, i * 160, (i + 1) * 160), "lost packet " + i + " is silence");
            } else {
                assertArrayEquals(Arrays.copyOfRange(expected, i * 320, (i + 1) * 320), got, "packet " + i);
            }
        }
        assertEquals(1, recorder.statistics().duplicates());
        assertEquals(2, recorder.statistics().late(), "the reordered one and the very late one");
        assertEquals(97, recorder.statistics().packets());
    }

    @Test
    void sequenceAndTimestampWrapAroundWithoutAGap() {
        RtpPacket[] sent = TestAudio.packets(G711.PCMU, 50, 65_530, 0xFFFF_FFFFL - 800, 7);
        List<RtpPacket> network = new ArrayList<>(Arrays.asList(sent));
        java.util.Collections.swap(network, 5, 6);      // reordered right across the wrap
        network.add(8, sent[7]);                        // and a duplicate after it
        feed(network);

        assertEquals(50 * 160, recorder.pcm().length / 2);
        assertEquals(1, recorder.statistics().duplicates());
        assertArrayEquals(G711.PCMU.toPcm16(concat(sent), 0, 50 * 160), recorder.pcm());
    }

    @Test
    void aNewSsrcStartsWhereItArrivesAndNeverOverwrites() {
        RtpPacket[] first = TestAudio.packets(G711.PCMA, 50, 100, 1_000, 1);          // 0 - 1 s
        RtpPacket[] second = TestAudio.packets(G711.PCMA, 25, 40_000, 3_000_000_000L, 2);
        long t = 0;
        for (RtpPacket packet : first) {
            recorder.accept(packet, t);
            t += 20 * MS;
        }
        t += 500 * MS;                                   // the relay switched over: half a second of nothing
        for (RtpPacket packet : second) {
            recorder.accept(packet, t);
            t += 20 * MS;
        }
        byte[] pcm = recorder.pcm();
        assertEquals(1, recorder.statistics().ssrcChanges());
        assertEquals(12_000 + 25 * 160, pcm.length / 2, "1.5 s of arrival, then the new stream's 0.5 s");
        assertTrue(TestAudio.silent(pcm, 8_000, 12_000), "the switch-over is silence of its length");
        assertTrue(TestAudio.peak(pcm, 12_000, 12_000 + 25 * 160) > 10_000, "the new stream is recorded");
    }

    @Test
    void telephoneEventsComfortNoiseAndUnknownTypesAreNotAudio() {
        RtpPacket[] audio = TestAudio.packets(G711.PCMA, 10, 0, 0, 9);
        feed(Arrays.asList(audio));
        recorder.accept(new RtpPacket(true, 101, 10, 1600, 9, new byte[] {1, 0, 0, (byte) 160}), 0);
        recorder.accept(new RtpPacket(false, 13, 11, 1600, 9, new byte[] {40}), 0);
        recorder.accept(new RtpPacket(false, 18, 12, 1600, 9, new byte[20]), 0);
        assertEquals(10 * 160, recorder.pcm().length / 2);
        assertEquals(1, recorder.statistics().telephoneEvents());
        assertEquals(2, recorder.statistics().ignored());
    }

    @Test
    void stopsAtTheMaximumLength() {
        RtpRecorder short1s = new RtpRecorder(Duration.ofSeconds(1), OptionalInt.empty());
        for (RtpPacket packet : TestAudio.packets(G711.PCMA, 60, 0, 0, 3)) {
            short1s.accept(packet, 0);
        }
        assertTrue(short1s.full());
        assertEquals(8000, short1s.pcm().length / 2);
        assertEquals(Duration.ofSeconds(1), short1s.length());
    }

    @Test
    void silentAudioDoesNotCountAsVoice() {
        recorder.accept(new RtpPacket(true, 8, 0, 0, 5, G711.PCMA.fromPcm16(new byte[320])), 100 * MS);
        recorder.accept(TestAudio.packets(G711.PCMA, 1, 1, 160, 5)[0], 200 * MS);
        recorder.accept(new RtpPacket(false, 8, 2, 320, 5, G711.PCMA.fromPcm16(new byte[320])), 300 * MS);
        assertEquals(200 * MS, recorder.lastVoiceNanos());
        assertFalse(recorder.full());
    }

    private void feed(List<RtpPacket> packets) {
        long t = 0;
        for (RtpPacket packet : packets) {
            recorder.accept(packet, t);
            t += 20 * MS;
        }
    }

    private static byte[] concat(RtpPacket[] packets) {
        byte[] all = new byte[packets.length * 160];
        for (int i = 0; i < packets.length; i++) {
            System.arraycopy(packets[i].payload(), 0, all, i * 160, 160);
        }
        return all;
    }
}
