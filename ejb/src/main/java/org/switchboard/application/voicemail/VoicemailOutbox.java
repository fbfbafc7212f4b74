package org.switchboard.application.voicemail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * Sends the voicemail outbox through WildFly's mail session (java:jboss/mail/Switchboard, see
 * switchboard.cli) every poll interval. A mail that fails (SMTP down, refused) stays in the outbox
 * and is tried again after a back-off that doubles from the first delay up to the longest; its
 * audio stays until it has gone. So nothing is lost while the SMTP server is down. Delivery is at
 * least once: a node that dies between sending and recording it sends that mail again.
 *
 * <p>A non-persistent timer on each node: nodes sharing the database take each mail by a claim
 * ({@code VoicemailMailRepository.claim}), never both at once. Runs on one thread at a time per node
 * (the singleton's write lock).
 */
@Singleton
@Startup
@DependsOn("SchemaStartup")
public class VoicemailOutbox {

    private static final Logger LOG = Logger.getLogger(VoicemailOutbox.class.getName());

    @Resource(lookup = "java:jboss/mail/Switchboard")
    Session mailSession;

    @Resource
    TimerService timers;

    @EJB
    VoicemailOutboxSteps steps;

    @Inject
    VoicemailAudioFiles audio;

    @Inject
    SwitchboardSettings settings;

    @Inject
    Clock clock;

    @PostConstruct
    void startTimer() {
        long interval = settings.voicemailMailPollInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("switchboard-voicemail-outbox", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        try {
            drain(clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "voicemail outbox run failed; the next run tries again", e);
        }
    }

    /**
     * Sends the mails due at {@code now} (a batch); tests pass a later "now" to skip the back-off.
     *
     * @return how many went out
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int drain(Instant now) {
        int sent = 0;
        for (VoicemailOutboxSteps.Claimed mail : steps.claimDue(now, settings.voicemailMailBatchSize())) {
            if (send(mail, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(VoicemailOutboxSteps.Claimed mail, Instant now) {
        try {
            byte[] wav = audio.read(mail.audioRef());
            Transport.send(VoicemailMailMessage.build(mailSession, mail.content(), wav, ZoneId.systemDefault()));
        } catch (MessagingException | IOException | RuntimeException e) {
            Instant next = now.plus(backOff(mail.attempts()));
            LOG.warning(() -> "voicemail mail #" + mail.mailId() + " not sent (try " + (mail.attempts() + 1) + "), next at "
                    + next + ": " + e);
            steps.failed(mail.mailId(), String.valueOf(e), next);
            return false;
        }
        if (steps.sent(mail.mailId(), now) && !mail.keepAudio()) {
            // After the commit: should deleting fail, a file is left over, never a mail without its audio.
            try {
                audio.delete(mail.audioRef());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "mailed voicemail audio " + mail.audioRef() + " could not be deleted", e);
            }
        }
        return true;
    }

    /** The wait after the (failures + 1)th failure: the first delay, doubled each time, at most the longest. */
    Duration backOff(int failures) {
        Duration first = settings.voicemailMailRetryFirst();
        Duration max = settings.voicemailMailRetryMax();
        Duration delay = first;
        for (int i = 0; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
