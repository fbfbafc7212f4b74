package org.switchboard.sip.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Audio the voicemail plays before it records, kept as 16-bit PCM and encoded for the call's codec.
 * The greeting and the tone ship in the jar as 8 kHz A-law (voicemail/greeting.alaw, tone.alaw;
 * how they were made: sip-app/README.md).
 */
public final class Prompt {

    private final byte[] pcm16;

    private Prompt(byte[] pcm16) {
        this.pcm16 = pcm16;
    }

    /** The spoken greeting followed by the tone. */
    public static Prompt greetingAndTone() {
        byte[] greeting = alawResource("voicemail/greeting.alaw");
        byte[] tone = alawResource("voicemail/tone.alaw");
        byte[] both = Arrays.copyOf(greeting, greeting.length + tone.length);
        System.arraycopy(tone, 0, both, greeting.length, tone.length);
        return new Prompt(G711.PCMA.toPcm16(both, 0, both.length));
    }

    /** A prompt of one's own (tests: a short one). */
    public static Prompt ofPcm16(byte[] pcm16) {
        return new Prompt(pcm16.clone());
    }

    /** The prompt in {@code codec}, one byte a sample. */
    public byte[] encoded(G711 codec) {
        return codec.fromPcm16(pcm16);
    }

    public int samples() {
        return pcm16.length / 2;
    }

    private static byte[] alawResource(String name) {
        try (InputStream in = Prompt.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("voicemail prompt " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
