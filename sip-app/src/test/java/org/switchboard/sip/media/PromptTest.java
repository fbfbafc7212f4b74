package org.switchboard.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The greeting and tone shipped in the jar play in either codec. */
class PromptTest {

    @Test
    void greetingAndToneAreSpeechThenATone() {
        Prompt prompt = Prompt.greetingAndTone();
        assertTrue(prompt.samples() > 3 * 8000 && prompt.samples() < 10 * 8000, prompt.samples() + " samples");
        for (G711 codec : G711.values()) {
            byte[] encoded = prompt.encoded(codec);
            assertEquals(prompt.samples(), encoded.length);
            byte[] back = codec.toPcm16(encoded, 0, encoded.length);
            int toneStart = prompt.samples() - 4000;
            assertTrue(TestAudio.peak(back, 0, toneStart) > 2000, "the spoken greeting is not silent");
            assertTrue(TestAudio.peak(back, toneStart, prompt.samples()) > 8000, "the tone ends it");
        }
    }
}
