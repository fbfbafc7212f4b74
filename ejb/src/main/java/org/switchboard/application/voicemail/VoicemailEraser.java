package org.switchboard.application.voicemail;

import org.switchboard.persistence.voicemail.StoredVoicemail;
import org.switchboard.persistence.voicemail.Voicemail;
import org.switchboard.persistence.voicemail.VoicemailRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * Deletes voicemails together with their audio files under switchboard.data.dir. Files go first, in
 * the caller's transaction: if the rows then fail to commit, the next run finds them again and the
 * already missing files are no error, whereas the other order could leave audio behind for good.
 */
@ApplicationScoped
public class VoicemailEraser {

    private static final Logger LOG = Logger.getLogger(VoicemailEraser.class.getName());

    @Inject
    VoicemailRepository voicemails;

    @Inject
    SwitchboardSettings settings;

    /** @return the number of voicemail rows deleted */
    public int erase(List<StoredVoicemail> batch) {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        for (StoredVoicemail voicemail : batch) {
            if (voicemail.audioRef() != null) {
                deleteAudio(dataDir, voicemail);
            }
        }
        return voicemails.deleteByIds(batch.stream().map(StoredVoicemail::id).toList());
    }

    private static void deleteAudio(Path dataDir, StoredVoicemail voicemail) {
        Path audio = dataDir.resolve(voicemail.audioRef()).normalize();
        // A reference is relative to the data folder; one that escapes it is not ours to delete.
        if (!audio.startsWith(dataDir)) {
            LOG.warning(() -> "Voicemail " + voicemail.id() + " references audio outside the data folder; file left alone");
            return;
        }
        try {
            Files.deleteIfExists(audio);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the audio of voicemail " + voicemail.id(), e);
        }
    }
}
