package org.switchboard.application.voicemail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.application.ArquillianDeployments;
import org.switchboard.application.account.AccountService;
import org.switchboard.application.account.AccountSummary;
import org.switchboard.application.retention.RetentionRunner;
import org.switchboard.persistence.voicemail.MessageCounts;
import org.switchboard.persistence.voicemail.Voicemail;
import org.switchboard.persistence.voicemail.VoicemailMail;

/**
 * Voicemail storage and mail in a managed WildFly, through its mail session, against a real SMTP
 * server (GreenMail, started inside the server on the port the ejb pom gives the mail session):
 * SMTP down then up, storage on and off, settings that keep nothing, heard and deleted.
 */
@ExtendWith(ArquillianExtension.class)
class VoicemailOutboxIT {

    @Deployment
    static WebArchive deployment() {
        File libs = new File(System.getProperty("switchboard.arquillian.test-libs"));
        return ArquillianDeployments.services("voicemail-it", VoicemailOutboxIT.class, VoicemailTestData.class,
                        VoicemailTestData.Events.class)
                .addAsLibraries(Objects.requireNonNull(libs.listFiles((dir, name) -> name.endsWith(".jar"))));
    }

    @EJB
    VoicemailService voicemail;
    @EJB
    VoicemailOutbox outbox;
    @EJB
    AccountService accounts;
    @EJB
    VoicemailTestData data;
    @EJB
    RetentionRunner retention;
    @Inject
    VoicemailAudioFiles audio;
    @Inject
    VoicemailTestData.Events events;

    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("switchboard.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private AccountSummary account(String prefix, boolean enabled, boolean mail, boolean store) {
        String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        AccountSummary account = accounts.open(user, "Voicemail Tester", user + "@localhost", "sip-password-1");
        data.settings(account.id(), enabled, mail, store);
        return account;
    }

    private long deposit(AccountSummary account, double seconds) throws Exception {
        return voicemail.deposit(new NewVoicemail(account.id(), "sip:carol@example.net", Instant.parse("2026-05-01T10:15:30Z"),
                Duration.ofMillis((long) (seconds * 1000)), wav((int) (seconds * 8000))));
    }

    @Test
    void smtpDownThenUpTheMailGoesOutLaterAndStorageOffKeepsNoFileOnceMailed() throws Exception {
        AccountSummary alice = account("vm-down", true, true, false);
        long id = deposit(alice, 3.2);
        String ref = data.voicemail(id).getAudioRef();
        assertTrue(audio.exists(ref), "kept for the mail although storage is off");

        Instant now = Instant.now();
        assertEquals(0, outbox.drain(now), "SMTP is down: nothing goes");
        VoicemailMail waiting = data.mail(id).orElseThrow(() -> new AssertionError("still in the outbox"));
        assertTrue(waiting.getAttempts() >= 1);
        assertNotNull(waiting.getLastError());
        assertTrue(waiting.getNextAttemptAt().isAfter(now), "retried later, not at once");
        assertTrue(audio.exists(ref), "nothing lost");
        assertNull(data.voicemail(id).getMailedAt());

        // A second failure waits twice as long (back-off).
        Instant second = waiting.getNextAttemptAt();
        outbox.drain(second);
        VoicemailMail twice = data.mail(id).orElseThrow();
        assertEquals(waiting.getAttempts() + 1, twice.getAttempts());
        assertTrue(Duration.between(second, twice.getNextAttemptAt()).compareTo(Duration.between(now, second)) > 0,
                "the wait grows: " + Duration.between(now, second) + " then " + Duration.between(second, twice.getNextAttemptAt()));

        startSmtp();
        assertEquals(1, outbox.drain(twice.getNextAttemptAt()));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals(alice.sipUri().substring(4, alice.sipUri().indexOf('@')) + "@localhost", mail.getAllRecipients()[0].toString());
        assertTrue(mail.getSubject().contains("sip:carol@example.net") && mail.getSubject().contains("3 s"), mail.getSubject());
        Multipart parts = (Multipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        assertTrue(text.contains("sip:carol@example.net") && text.contains("2026-05-01") && text.contains("3 seconds"), text);
        Part attachment = parts.getBodyPart(1);
        assertEquals(Part.ATTACHMENT, attachment.getDisposition());
        assertTrue(attachment.getContentType().startsWith("audio/wav"), attachment.getContentType());
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        attachment.getDataHandler().writeTo(wav);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav.toByteArray()))) {
            assertEquals(3.2 * 8000, in.getFrameLength(), 1, "the whole recording, playable");
            assertEquals(8000f, in.getFormat().getSampleRate());
        }

        assertTrue(data.mail(id).isEmpty(), "out of the outbox");
        Voicemail mailed = data.voicemail(id);
        assertNotNull(mailed.getMailedAt());
        assertNull(mailed.getAudioRef(), "storage off: no reference once mailed");
        assertFalse(audio.exists(ref), "storage off: no file once mailed");
        assertEquals(0, outbox.drain(Instant.now().plus(Duration.ofDays(1))), "sent once");
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void storageOnKeepsTheFileAfterMailingAndStorageOnlyQueuesNoMail() throws Exception {
        startSmtp();
        AccountSummary both = account("vm-both", true, true, true);
        AccountSummary kept = account("vm-kept", true, false, true);
        long mailedAndKept = deposit(both, 1.5);
        long keptOnly = deposit(kept, 2);
        assertTrue(data.mail(keptOnly).isEmpty(), "email off: nothing queued");
        outbox.drain(Instant.now().plusSeconds(1));
        assertTrue(data.mail(mailedAndKept).isEmpty());
        assertTrue(audio.exists(data.voicemail(mailedAndKept).getAudioRef()), "storage on: kept after mailing");
        assertNotNull(data.voicemail(mailedAndKept).getMailedAt());
        assertTrue(audio.exists(data.voicemail(keptOnly).getAudioRef()));
        assertEquals(2, data.voicemail(keptOnly).getDurationSeconds());
        assertEquals(1, List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().startsWith(both.sipUri().substring(4, both.sipUri().indexOf('@')));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).count());
    }

    @Test
    void voicemailOffOrKeepingNothingRefusesTheRecording() throws Exception {
        AccountSummary off = account("vm-off", false, true, true);
        AccountSummary nowhere = account("vm-nowhere", true, false, false);
        assertFalse(voicemail.policy(off.id()).answers());
        assertFalse(voicemail.policy(nowhere.id()).answers(), "email and storage both off mean off");
        assertTrue(voicemail.policy(account("vm-on", true, true, false).id()).answers());
        assertThrows(VoicemailOffException.class, () -> deposit(off, 2));
        assertThrows(VoicemailOffException.class, () -> deposit(nowhere, 2));
        assertEquals(0, data.voicemailsOf(off.id()));
        assertEquals(0, data.voicemailsOf(nowhere.id()));
    }

    @Test
    void heardAndDeletedChangeTheCountsAndFireEvents() throws Exception {
        AccountSummary bob = account("vm-mwi", true, false, true);
        AccountSummary other = account("vm-other", true, false, true);
        long first = deposit(bob, 1);
        long second = deposit(bob, 1);
        String secondAudio = data.voicemail(second).getAudioRef();
        assertEquals(new MessageCounts(2, 0), voicemail.counts(bob.id()));
        voicemail.markHeard(bob.id(), first);
        assertEquals(new MessageCounts(1, 1), voicemail.counts(bob.id()));
        assertThrows(VoicemailNotFoundException.class, () -> voicemail.markHeard(other.id(), second), "not another account's");
        voicemail.delete(bob.id(), second);
        assertEquals(new MessageCounts(0, 1), voicemail.counts(bob.id()));
        assertFalse(audio.exists(secondAudio), "its audio goes with it");
        assertEquals(List.of(bob.id(), bob.id(), bob.id(), bob.id()),
                events.accounts().stream().filter(id -> id == bob.id()).toList(), "two new, one heard, one deleted");
    }

    @Test
    void retentionPurgesAVoicemailWithItsPendingMailAndAudio() throws Exception {
        AccountSummary carol = account("vm-retention", true, true, false);
        long id = deposit(carol, 1);   // received 2026-05-01: far past the 90-day window by 2031
        String ref = data.voicemail(id).getAudioRef();
        // No deletion request is due with a century of grace: this run only purges.
        retention.run("voicemail-it", Instant.parse("2031-01-01T03:30:00Z"), Duration.ofDays(36_500), 10_000);
        assertNull(data.voicemail(id));
        assertTrue(data.mail(id).isEmpty(), "its pending mail went with it");
        assertFalse(audio.exists(ref));
    }

    /** A standard WAV of a tone, as the voicemail endpoint writes it. */
    private static byte[] wav(int samples) throws Exception {
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short value = (short) (12_000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
            pcm[2 * i] = (byte) value;
            pcm[2 * i + 1] = (byte) (value >> 8);
        }
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, samples), AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }
}
