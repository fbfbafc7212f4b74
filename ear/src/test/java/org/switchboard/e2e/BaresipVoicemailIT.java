package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real phone leaves a voicemail: bob's baresip (registered with digest, G.711 only, its aufile
 * source playing a WAV) calls alice, who has no phone registered, so the call diverts to her
 * voicemail; baresip hears the greeting and tone while it plays the file's lead-in of silence,
 * then says its message, and hangs up. The stored recording holds the whole message (its span of
 * speech as long as the file's, within half a second) and is not silent; the CDR is VOICEMAIL; the
 * mail reaches alice at the demo mail server with the same WAV attached.
 */
@ExtendWith(RunningService.class)
class BaresipVoicemailIT {

    /** What baresip says (ear/src/test/resources/voicemail/README.md). */
    private static final Path MESSAGE = Path.of("src/test/resources/voicemail/bob-message.wav");
    /**
     * Silence before the message, longer than the greeting and tone (5.74 s) and the half second
     * the voicemail may wait for the caller's first packet: the voicemail records only after them.
     */
    private static final double LEAD_IN_SECONDS = 7.5;
    /** Louder than the line's noise after G.711 both ways, quieter than any spoken word. */
    private static final int SPEECH = 500;

    private static int port(int n) {
        return RawSip.port() + 10_150 + n;
    }

    @AfterAll
    static void voicemailAsOpened() throws Exception {
        Voicemails.settings("alice", true, true, false, null);
    }

    @Test
    void bobsBaresipLeavesAliceAVoicemail() throws Exception {
        ExternalPeer.assumeInstalled("baresip");
        Voicemails.settings("alice", true, true, true, null);
        Voicemails.unregister("alice", "demo-alice-1", port(5));
        byte[] message = Files.readAllBytes(MESSAGE);
        double spoken = Voicemails.voicedSeconds(message, SPEECH);
        Path played = Files.createDirectories(Path.of("target", "baresip").toAbsolutePath()).resolve("played-" + RawSip.port() + ".wav");
        Files.write(played, Voicemails.withLeadIn(message, LEAD_IN_SECONDS));
        int mailsBefore = Voicemails.aliceMails();
        long accountId = Voicemails.accountId("alice");
        long lastCdr = lastCdrId();

        try (BaresipPhone bob = new BaresipPhone("bob", "demo-bob-1", port(0), port(2), "udp", "g711.so", "aufile," + played)) {
            bob.awaitRegistered(15);
            bob.command("dial", "sip:alice@localhost");
            bob.await("CALL_ESTABLISHED", 20);
            Thread.sleep(Math.round((LEAD_IN_SECONDS + Voicemails.wavSeconds(message) + 1.0) * 1000));
            bob.command("hangup", "");
            bob.await("CALL_CLOSED", 15);
        }

        List<Map<String, Object>> cdrs = ServiceDatabase.awaitRows(1, 20_000,
                "SELECT * FROM call_detail_record WHERE id > ? AND caller_user_agent LIKE 'baresip%' AND callee_account_id = ?",
                lastCdr, accountId);
        assertEquals(1, cdrs.size(), cdrs.toString());
        Map<String, Object> cdr = VoicemailCallsIT.cdr((String) cdrs.get(0).get("call_id"));
        assertEquals("VOICEMAIL", cdr.get("disposition"), cdr.toString());

        Map<String, Object> voicemail = VoicemailCallsIT.voicemailOf((String) cdr.get("call_id"));
        assertEquals("sip:bob@localhost", voicemail.get("caller_uri"));
        byte[] stored = Files.readAllBytes(Voicemails.audioFile(voicemail));
        assertRecorded(spoken, stored, "stored");

        byte[] attached = Voicemails.attachedWav(Voicemails.awaitAliceMail(mailsBefore + 1));
        assertRecorded(spoken, attached, "mailed");
    }

    private static void assertRecorded(double spoken, byte[] wav, String which) {
        assertTrue(Voicemails.peak(wav) > 2000, which + " recording is silent");
        assertEquals(spoken, Voicemails.voicedSeconds(wav, SPEECH), 0.5, which + " recording holds the whole message");
        assertTrue(Voicemails.wavSeconds(wav) >= spoken, which + " recording is shorter than the message");
    }

    private static long lastCdrId() throws Exception {
        Object max = ServiceDatabase.query("SELECT COALESCE(MAX(id), 0) AS m FROM call_detail_record").get(0).get("m");
        return ((Number) max).longValue();
    }
}
