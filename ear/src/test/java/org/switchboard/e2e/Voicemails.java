package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the voicemail tests share: a subscriber's voicemail settings (written in the database; the
 * service's cache of them lasts 1 s under test, e2e.properties), removing a subscriber's phones,
 * SIPp calls, the demo mail server read over IMAP with curl, and the WAV files.
 */
final class Voicemails {

    static final Path SCENARIOS = Path.of("src/test/sipp").toAbsolutePath();
    static final Path CAPTURE = Path.of("/usr/share/sip-tester/g711a.pcap");

    private Voicemails() {
    }

    /** Sets a subscriber's voicemail and how long their phones ring first (null: the default). */
    static void settings(String user, boolean enabled, boolean byEmail, boolean onServer, Integer noAnswerSeconds)
            throws Exception {
        int rows = ServiceDatabase.update("UPDATE voicemail_settings SET enabled = ?, send_by_email = ?, store_on_server = ?,"
                + " no_answer_seconds = " + (noAnswerSeconds == null ? "NULL" : Integer.toString(noAnswerSeconds))
                + " WHERE account_id = (SELECT id FROM account WHERE sip_user = ?)", enabled, byEmail, onServer, user);
        assertEquals(1, rows, "voicemail settings of " + user);
        Thread.sleep(1_500); // the SIP side's policy cache: 1 s under test
    }

    /** Removes every registered phone of {@code user} (Contact: *, Expires 0). */
    static void unregister(String user, String password, int localPort) throws Exception {
        ExternalPeer.Result result = ExternalPeer.run(SCENARIOS, 30, sipp("unregister.xml", localPort,
                "-au", user, "-ap", password, "-key", "user", user));
        assertEquals(0, result.exitCode(), result.output());
    }

    /** One call of a SIPp scenario on loopback UDP; through the proxy unless it is a UAS. */
    static List<String> sipp(String scenario, int localPort, String... extra) {
        List<String> command = new ArrayList<>(List.of("sipp"));
        if (!scenario.startsWith("uas")) {
            command.add(RawSip.HOST + ":" + RawSip.port());
        }
        command.addAll(List.of("-sf", scenario, "-i", RawSip.HOST, "-p", Integer.toString(localPort), "-m", "1",
                "-timeout", "60s", "-timeout_error", "-nostdin", "-trace_err"));
        command.addAll(List.of(extra));
        return command;
    }

    static long accountId(String user) throws Exception {
        return ((Number) ServiceDatabase.query("SELECT id FROM account WHERE sip_user = ?", user).get(0).get("id")).longValue();
    }

    /** The length of speech in SIPp's capture: its RTP timestamps, first to last packet plus one (20 ms). */
    static double captureSeconds() throws IOException {
        ByteBuffer pcap = ByteBuffer.wrap(Files.readAllBytes(CAPTURE)).order(ByteOrder.LITTLE_ENDIAN);
        long first = -1;
        long last = -1;
        for (int offset = 24; offset + 16 <= pcap.limit(); ) {
            int length = pcap.getInt(offset + 8);
            ByteBuffer frame = pcap.slice(offset + 16, length).order(ByteOrder.BIG_ENDIAN);
            offset += 16 + length;
            if (frame.getShort(12) != 0x0800 || frame.get(23) != 17) {
                continue;
            }
            int rtp = 14 + 4 * (frame.get(14) & 0x0F) + 8;
            if ((frame.get(rtp + 1) & 0x7F) != 8) {
                continue; // PCMA only
            }
            last = frame.getInt(rtp + 4) & 0xFFFFFFFFL;
            if (first < 0) {
                first = last;
            }
        }
        return (last - first + 160) / 8000.0;
    }

    /** Seconds of 16-bit 8 kHz mono PCM in a WAV (after its 44-byte header, as WavWriter writes it). */
    static double wavSeconds(byte[] wav) {
        assertEquals("RIFF", new String(wav, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(wav, 8, 4, StandardCharsets.US_ASCII));
        return (wav.length - 44) / 2 / 8000.0;
    }

    /** The loudest sample of a WAV's PCM. */
    static int peak(byte[] wav) {
        ByteBuffer pcm = ByteBuffer.wrap(wav, 44, wav.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        int peak = 0;
        while (pcm.remaining() >= 2) {
            peak = Math.max(peak, Math.abs(pcm.getShort()));
        }
        return peak;
    }

    /**
     * Seconds from the first to the last sample louder than {@code threshold}: the span of speech in
     * a WAV, whatever silence surrounds it.
     */
    static double voicedSeconds(byte[] wav, int threshold) {
        ByteBuffer pcm = ByteBuffer.wrap(wav, 44, wav.length - 44).slice().order(ByteOrder.LITTLE_ENDIAN);
        int samples = pcm.remaining() / 2;
        int first = -1;
        int last = -1;
        for (int i = 0; i < samples; i++) {
            if (Math.abs(pcm.getShort(2 * i)) > threshold) {
                last = i;
                if (first < 0) {
                    first = i;
                }
            }
        }
        return first < 0 ? 0 : (last - first + 1) / 8000.0;
    }

    /** The same 8 kHz 16-bit mono WAV with {@code seconds} of silence before it (a fresh 44-byte header). */
    static byte[] withLeadIn(byte[] wav, double seconds) {
        int pcm = wav.length - 44;
        int silence = 2 * (int) Math.round(seconds * 8000);
        ByteBuffer out = ByteBuffer.allocate(44 + silence + pcm).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + silence + pcm).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        out.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000)
                .putInt(16000).putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(silence + pcm);
        out.position(44 + silence);
        out.put(wav, 44, pcm);
        return out.array();
    }

    /** The audio file of a voicemail row, under the service's data folder. */
    static Path audioFile(Map<String, Object> voicemail) {
        return dataFolder().resolve((String) voicemail.get("audio_ref"));
    }

    /** Every voicemail audio file under the service's data folder now. */
    static Set<Path> audioFiles() throws IOException {
        Path data = dataFolder().resolve("voicemail");
        if (!Files.isDirectory(data)) {
            return new HashSet<>();
        }
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toCollection(HashSet::new));
        }
    }

    private static Path dataFolder() {
        return Path.of(System.getProperty("switchboard.e2e.var")).resolve("data");
    }

    // --- the demo mail server, over IMAP with curl -----------------------------------------

    private static String imap() {
        return "imap://" + RawSip.HOST + ":" + (3143 + Integer.getInteger("switchboard.test.port-offset")) + "/INBOX";
    }

    /** How many mails alice's mailbox holds. */
    static int aliceMails() throws Exception {
        ExternalPeer.Result search = ExternalPeer.run(30, "curl", "-s", "--user", "alice@localhost:demo-alice-1", imap(),
                "-X", "SEARCH ALL");
        assertEquals(0, search.exitCode(), search.output());
        Matcher numbers = Pattern.compile("\\* SEARCH((?: \\d+)*)").matcher(search.output());
        return numbers.find() ? numbers.group(1).trim().isEmpty() ? 0 : numbers.group(1).trim().split(" ").length : 0;
    }

    /** Waits (up to 40 s: the outbox runs every 5 s) for alice's mail number {@code index}, and gives it whole. */
    static String awaitAliceMail(int index) throws Exception {
        long deadline = System.currentTimeMillis() + 40_000;
        while (aliceMails() < index) {
            assertTrue(System.currentTimeMillis() < deadline, "no mail number " + index + " for alice within 40 s");
            Thread.sleep(500);
        }
        // Into a file: a mail with its WAV is more than a pipe holds while ExternalPeer waits for curl.
        Path file = Files.createTempFile("voicemail-mail", ".eml");
        try {
            ExternalPeer.Result mail = ExternalPeer.run(30, "curl", "-s", "-o", file.toString(), "--user",
                    "alice@localhost:demo-alice-1", imap() + ";MAILINDEX=" + index);
            assertEquals(0, mail.exitCode(), mail.output());
            return Files.readString(file, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The WAV attached to a mail (the base64 part of type audio/wav). */
    static byte[] attachedWav(String mail) {
        Matcher part = Pattern.compile("(?is)Content-Type: audio/wav.*?\\r?\\n\\r?\\n(.*?)\\r?\\n--").matcher(mail);
        assertTrue(part.find(), "no audio/wav part in:\n" + mail.substring(0, Math.min(mail.length(), 2000)));
        return Base64.getMimeDecoder().decode(part.group(1));
    }
}
