package org.switchboard.application.voicemail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/**
 * The mail of one voicemail: subject and text say who called, when and for how long, and the WAV
 * is attached (audio/wav). Sent unencrypted, as the data policy tells subscribers.
 */
final class VoicemailMailMessage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private VoicemailMailMessage() {
    }

    /** What a mail says about its voicemail. */
    record Content(long voicemailId, String recipient, String callerUri, Instant receivedAt, int durationSeconds) {
    }

    static MimeMessage build(Session session, Content content, byte[] wav, ZoneId zone) throws MessagingException {
        String when = WHEN.format(content.receivedAt().atZone(zone));
        MimeMessage message = new MimeMessage(session);
        message.setFrom(); // the mail session's "from" (switchboard.mail.from)
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(content.recipient(), true));
        message.setSubject("Voicemail from " + content.callerUri() + " (" + content.durationSeconds() + " s)", "UTF-8");
        message.setSentDate(new Date());

        MimeBodyPart text = new MimeBodyPart();
        text.setText("You have a new voicemail.\n\n"
                + "From:     " + content.callerUri() + "\n"
                + "Received: " + when + "\n"
                + "Length:   " + content.durationSeconds() + " seconds\n\n"
                + "The recording is attached (WAV).\n", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(wav, "audio/wav")));
        attachment.setFileName("voicemail-" + content.voicemailId() + ".wav");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);

        MimeMultipart parts = new MimeMultipart();
        parts.addBodyPart(text);
        parts.addBodyPart(attachment);
        message.setContent(parts);
        return message;
    }
}
