package org.switchboard.sip.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The two G.711 codecs the voicemail answers with (RFC 3551 section 6, static payload types 0 and 8,
 * 8000 Hz, one byte a sample). Conversion to and from 16-bit PCM is Java Sound's
 * ({@code javax.sound.sampled} knows u-law and A-law), not tables of our own.
 */
public enum G711 {
    PCMU(0, AudioFormat.Encoding.ULAW),
    PCMA(8, AudioFormat.Encoding.ALAW);

    public static final int SAMPLE_RATE = 8000;

    /** 16-bit signed little-endian mono PCM at 8 kHz: what the WAV holds. */
    public static final AudioFormat PCM16 = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);

    private final int payloadType;
    private final AudioFormat format;

    G711(int payloadType, AudioFormat.Encoding encoding) {
        this.payloadType = payloadType;
        this.format = new AudioFormat(encoding, SAMPLE_RATE, 8, 1, 1, SAMPLE_RATE, false);
    }

    /** The static RTP payload type (RFC 3551 table 4). */
    public int payloadType() {
        return payloadType;
    }

    /** The encoding name of the SDP rtpmap attribute. */
    public String encodingName() {
        return name();
    }

    public static java.util.Optional<G711> ofPayloadType(int payloadType) {
        for (G711 codec : values()) {
            if (codec.payloadType == payloadType) {
                return java.util.Optional.of(codec);
            }
        }
        return java.util.Optional.empty();
    }

    /** G.711 bytes of this codec to 16-bit little-endian PCM (two bytes a sample). */
    public byte[] toPcm16(byte[] g711, int offset, int length) {
        return convert(new AudioInputStream(new ByteArrayInputStream(g711, offset, length), format, length), PCM16);
    }

    /** 16-bit little-endian PCM to G.711 bytes of this codec. */
    public byte[] fromPcm16(byte[] pcm) {
        return convert(new AudioInputStream(new ByteArrayInputStream(pcm), PCM16, pcm.length / 2), format);
    }

    private static byte[] convert(AudioInputStream source, AudioFormat target) {
        try (AudioInputStream converted = AudioSystem.getAudioInputStream(target, source)) {
            return converted.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
