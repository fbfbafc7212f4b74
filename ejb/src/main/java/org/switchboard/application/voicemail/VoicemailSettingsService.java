package org.switchboard.application.voicemail;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.application.portal.NotFoundException;
import org.switchboard.application.portal.Subscribers;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.VoicemailSettings;
import org.switchboard.persistence.account.VoicemailSettingsRepository;
import org.switchboard.persistence.voicemail.StoredVoicemail;
import org.switchboard.persistence.voicemail.Voicemail;
import org.switchboard.persistence.voicemail.VoicemailRepository;

/**
 * A subscriber's voicemail: the settings (on/off, by email, kept on the server) and the stored
 * recordings (list, audio, delete, mark heard). Every read is of the login's own account; another
 * account's voicemail id gives {@link NotFoundException}.
 */
@Stateless
public class VoicemailSettingsService {

    @Inject
    Subscribers subscribers;

    @Inject
    VoicemailSettingsRepository settingsRepository;

    @Inject
    VoicemailRepository voicemails;

    @Inject
    SwitchboardSettings settings;

    @Inject
    VoicemailEraser eraser;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<VoicemailSettingsChanged> settingsChanges;

    @Inject
    jakarta.enterprise.event.Event<VoicemailChanged> changes;

    public VoicemailChoices settings(String login) {
        return settingsRepository.findByAccount(subscribers.currentId(login))
                .map(s -> new VoicemailChoices(s.isEnabled(), s.isSendByEmail(), s.isStoreOnServer()))
                .orElse(new VoicemailChoices(false, false, false));
    }

    public VoicemailChoices update(String login, VoicemailChoices choices) {
        Account account = subscribers.current(login);
        VoicemailSettings stored = settingsRepository.findByAccount(account.getId())
                .orElseGet(() -> settingsRepository.save(new VoicemailSettings(account, false, false, false)));
        stored.setEnabled(choices.enabled());
        stored.setSendByEmail(choices.sendByEmail());
        stored.setStoreOnServer(choices.storeOnServer());
        settingsChanges.fire(new VoicemailSettingsChanged(account.getId()));
        return choices;
    }

    public List<VoicemailItem> list(String login, int first, int max) {
        return voicemails.findByAccount(subscribers.currentId(login), first, Math.min(max, 500)).stream()
                .map(VoicemailItem::of).toList();
    }

    public long count(String login) {
        return voicemails.countForAccount(subscribers.currentId(login));
    }

    /** The WAV bytes of one of the login's voicemails. */
    public byte[] audio(String login, long voicemailId) {
        Voicemail voicemail = own(login, voicemailId);
        if (voicemail.getAudioRef() == null) {
            throw new NotFoundException("Voicemail audio");
        }
        Path file = audioFile(voicemail.getAudioRef());
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new NotFoundException("Voicemail audio");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks it heard; the phone's message lamp follows (VoicemailChanged, RFC 3842). */
    public void markHeard(String login, long voicemailId) {
        Voicemail voicemail = own(login, voicemailId);
        if (voicemail.getHeardAt() == null) {
            voicemail.markHeard(clock.instant());
            changes.fire(new VoicemailChanged(voicemail.getAccount().getId()));
        }
    }

    /** Deletes the row and its audio file (the same way retention does). */
    public void delete(String login, long voicemailId) {
        Voicemail voicemail = own(login, voicemailId);
        long accountId = voicemail.getAccount().getId();
        eraser.erase(List.of(new StoredVoicemail(voicemail.getId(), voicemail.getAudioRef())));
        changes.fire(new VoicemailChanged(accountId));
    }

    private Voicemail own(String login, long voicemailId) {
        return voicemails.findForAccount(voicemailId, subscribers.currentId(login))
                .orElseThrow(() -> new NotFoundException("Voicemail " + voicemailId));
    }

    /** Audio references are relative to the data folder (as VoicemailEraser reads them); nothing outside it is read. */
    private Path audioFile(String audioRef) {
        Path root = settings.dataDir().toAbsolutePath().normalize();
        Path file = root.resolve(audioRef).normalize();
        if (!file.startsWith(root)) {
            throw new NotFoundException("Voicemail audio");
        }
        return file;
    }
}
