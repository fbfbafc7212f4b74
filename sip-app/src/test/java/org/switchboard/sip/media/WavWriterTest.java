package org.switchboard.sip.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/** The WAV is the canonical 44-byte-header RIFF/PCM file any player reads. */
class WavWriterTest {

    @Test
    void writesAStandardPcmWaveHeaderAndTheSamples() {
        byte[] pcm = TestAudio.sine(8000);
        byte[] wav = WavWriter.wav(pcm);
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", ascii(wav, 0));
        assertEquals(wav.length - 8, header.getInt(4));
        assertEquals("WAVE", ascii(wav, 8));
        assertEquals("fmt ", ascii(wav, 12));
        assertEquals(16, header.getInt(16), "PCM fmt chunk");
        assertEquals(1, header.getShort(20), "format 1: PCM");
        assertEquals(1, header.getShort(22), "mono");
        assertEquals(8000, header.getInt(24));
        assertEquals(16_000, header.getInt(28), "byte rate");
        assertEquals(2, header.getShort(32), "block align");
        assertEquals(16, header.getShort(34), "bits per sample");
        assertEquals("data", ascii(wav, 36));
        assertEquals(pcm.length, header.getInt(40));
        assertArrayEquals(pcm, Arrays.copyOfRange(wav, 44, wav.length));
    }

    @Test
    void javaSoundReadsItBack() throws Exception {
        byte[] pcm = TestAudio.sine(1234);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(WavWriter.wav(pcm)))) {
            AudioFormat format = in.getFormat();
            assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding());
            assertEquals(8000f, format.getSampleRate());
            assertEquals(1234, in.getFrameLength());
            assertArrayEquals(pcm, in.readAllBytes());
        }
    }

    @Test
    void g711DecodesThroughJavaSound() {
        // A-law 0xD5 and u-law 0xFF are the codecs' encodings of (near) zero; full-scale codes are loud.
        assertEquals(8, Math.abs(ByteBuffer.wrap(G711.PCMA.toPcm16(new byte[] {(byte) 0xD5}, 0, 1))
                .order(ByteOrder.LITTLE_ENDIAN).getShort()));
        assertEquals(0, ByteBuffer.wrap(G711.PCMU.toPcm16(new byte[] {(byte) 0xFF}, 0, 1)).order(ByteOrder.LITTLE_ENDIAN).getShort());
        assertEquals(-32_124, ByteBuffer.wrap(G711.PCMU.toPcm16(new byte[] {0x00}, 0, 1)).order(ByteOrder.LITTLE_ENDIAN).getShort());
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }
}
