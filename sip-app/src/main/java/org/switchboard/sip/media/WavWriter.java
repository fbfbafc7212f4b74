package org.switchboard.sip.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** A standard WAV file (RIFF, PCM format 1, 16-bit, 8 kHz, mono), written by Java Sound. */
public final class WavWriter {

    private WavWriter() {
    }

    /** @param pcm16 16-bit little-endian mono samples at 8 kHz ({@link G711#PCM16}) */
    public static byte[] wav(byte[] pcm16) {
        AudioInputStream audio = new AudioInputStream(new ByteArrayInputStream(pcm16), G711.PCM16, pcm16.length / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pcm16.length + 64);
        try {
            AudioSystem.write(audio, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
