package org.switchboard.application.voicemail;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.persistence.voicemail.Voicemail;
import org.switchboard.persistence.voicemail.VoicemailMail;
import org.switchboard.persistence.voicemail.VoicemailMailRepository;

/** The outbox's database steps, each in a transaction of its own, so that mail is sent outside any. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class VoicemailOutboxSteps {

    /** How long a node holds a mail it took; one that dies meanwhile leaves it to the next try after this. */
    static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    VoicemailMailRepository outbox;

    /** A mail taken for sending: what it says and where its audio is. */
    record Claimed(long mailId, VoicemailMailMessage.Content content, String audioRef, boolean keepAudio, int attempts) {
    }

    /** Takes up to {@code limit} mails due at {@code now}, each only if no other node took it first. */
    public List<Claimed> claimDue(Instant now, int limit) {
        List<Claimed> claimed = new ArrayList<>();
        for (VoicemailMail mail : outbox.due(now, limit)) {
            if (outbox.claim(mail.getId(), mail.getNextAttemptAt(), now.plus(LEASE))) {
                Voicemail voicemail = mail.getVoicemail();
                claimed.add(new Claimed(mail.getId(), new VoicemailMailMessage.Content(voicemail.getId(), mail.getRecipient(),
                        voicemail.getCallerUri(), voicemail.getReceivedAt(), voicemail.getDurationSeconds()),
                        voicemail.getAudioRef(), mail.isKeepAudio(), mail.getAttempts()));
            }
        }
        return claimed;
    }

    /** The mail went out: out of the outbox, the voicemail marked mailed. False if it was deleted meanwhile. */
    public boolean sent(long mailId, Instant now) {
        return outbox.find(mailId).map(mail -> {
            outbox.sent(mail, now);
            return true;
        }).orElse(false);
    }

    public void failed(long mailId, String error, Instant nextAttempt) {
        outbox.find(mailId).ifPresent(mail -> mail.failed(error, nextAttempt));
    }
}
