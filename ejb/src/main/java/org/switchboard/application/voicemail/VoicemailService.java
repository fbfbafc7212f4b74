package org.switchboard.application.voicemail;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.switchboard.application.account.AccountNotFoundException;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountRepository;
import org.switchboard.persistence.account.VoicemailSettingsRepository;
import org.switchboard.persistence.voicemail.MessageCounts;
import org.switchboard.persistence.voicemail.StoredVoicemail;
import org.switchboard.persistence.voicemail.Voicemail;
import org.switchboard.persistence.voicemail.VoicemailMail;
import org.switchboard.persistence.voicemail.VoicemailMailRepository;
import org.switchboard.persistence.voicemail.VoicemailRepository;

/**
 * Voicemail for the SIP side and message waiting: whether an account's voicemail answers, taking a
 * finished recording, the new/old counts, and marking heard or deleting (each change fires
 * {@link VoicemailChanged}). Every call names the account, and a voicemail id of another account is
 * not found.
 */
@Stateless
public class VoicemailService {

    private static final Logger LOG = Logger.getLogger(VoicemailService.class.getName());

    @Inject
    AccountRepository accounts;

    @Inject
    VoicemailSettingsRepository settings;

    @Inject
    VoicemailRepository voicemails;

    @Inject
    VoicemailMailRepository outbox;

    @Inject
    VoicemailAudioFiles audio;

    @Inject
    VoicemailEraser eraser;

    @Inject
    Event<VoicemailChanged> changes;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    org.switchboard.application.config.SwitchboardSettings serviceSettings;

    /**
     * What the account's settings mean now (see {@link VoicemailPolicy}). Reads the database: the
     * SIP path calls it off its request threads or through a cache.
     */
    public VoicemailPolicy policy(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException());
        return VoicemailPolicy.of(account, settings.findByAccount(accountId));
    }

    /**
     * The voicemail of the local SIP user {@code sipUser} of our domain, empty when there is no such
     * account. Reads the database: the SIP side caches it ({@code VoicemailPolicies}).
     */
    public java.util.Optional<CalleeVoicemail> forCallee(String sipUser) {
        return accounts.findBySipUser(sipUser, serviceSettings.sipDomain()).map(account -> {
            java.util.Optional<org.switchboard.persistence.account.VoicemailSettings> stored = settings.findByAccount(account.getId());
            Integer own = stored.map(org.switchboard.persistence.account.VoicemailSettings::getNoAnswerSeconds).orElse(null);
            java.time.Duration noAnswer = own == null ? serviceSettings.voicemailNoAnswer() : java.time.Duration.ofSeconds(own);
            return new CalleeVoicemail(account.getId(), VoicemailPolicy.of(account, stored).answers(), noAnswer);
        });
    }

    /**
     * Keeps a finished recording as the account's settings say, in one transaction: the WAV under
     * the data folder, the voicemail row, and, when it is to be mailed, its mail in the outbox. The
     * file is written even when the subscriber keeps nothing on the server: the mail needs it, and it
     * goes once mailed. Should the transaction not commit, the file is deleted.
     *
     * @return the voicemail's id
     * @throws VoicemailOffException if the account's voicemail is off or would keep the recording nowhere
     */
    public long deposit(NewVoicemail recording) {
        Account account = accounts.findById(recording.accountId())
                .orElseThrow(() -> new AccountNotFoundException());
        VoicemailPolicy policy = VoicemailPolicy.of(account, settings.findByAccount(account.getId()));
        if (!policy.answers()) {
            throw new VoicemailOffException(account.getId());
        }
        String ref = audio.write(account.getId(), recording.wav());
        deleteUnlessCommitted(ref);
        int seconds = (int) Math.max(1, Math.round(recording.length().toMillis() / 1000.0));
        Voicemail voicemail = voicemails.save(new Voicemail(account, recording.callerUri(), recording.receivedAt(), seconds, ref));
        if (policy.mail()) {
            outbox.save(new VoicemailMail(voicemail, policy.email(), policy.keepOnServer(), clock.instant()));
        }
        changes.fire(new VoicemailChanged(account.getId()));
        return voicemail.getId();
    }

    /** New (unheard) and old (heard) voicemails of the account (RFC 3842 Voice-Message). */
    public MessageCounts counts(long accountId) {
        return voicemails.countsForAccount(accountId);
    }

    /** @throws VoicemailNotFoundException if the account has no such voicemail */
    public void markHeard(long accountId, long voicemailId) {
        Voicemail voicemail = own(accountId, voicemailId);
        if (voicemail.getHeardAt() == null) {
            voicemail.markHeard(clock.instant());
            changes.fire(new VoicemailChanged(accountId));
        }
    }

    /** Deletes the voicemail, its audio and any mail still pending for it. */
    public void delete(long accountId, long voicemailId) {
        Voicemail voicemail = own(accountId, voicemailId);
        eraser.erase(List.of(new StoredVoicemail(voicemail.getId(), voicemail.getAudioRef())));
        changes.fire(new VoicemailChanged(accountId));
    }

    private Voicemail own(long accountId, long voicemailId) {
        return voicemails.findForAccount(voicemailId, accountId)
                .orElseThrow(() -> new VoicemailNotFoundException(voicemailId));
    }

    private void deleteUnlessCommitted(String ref) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    LOG.info(() -> "voicemail not stored (transaction status " + status + "): its audio " + ref + " deleted");
                    audio.delete(ref);
                }
            }
        });
    }
}
