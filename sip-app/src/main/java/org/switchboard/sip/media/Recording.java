package org.switchboard.sip.media;

import java.time.Duration;

/** A finished recording: a standard WAV (16-bit PCM, 8 kHz, mono) and its length. */
public record Recording(byte[] wav, Duration length) {
}
