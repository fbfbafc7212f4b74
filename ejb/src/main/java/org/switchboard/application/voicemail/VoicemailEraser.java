package org.switchboard.application.voicemail;

import org.switchboard.persistence.voicemail.StoredVoicemail;
import org.switchboard.persistence.voicemail.VoicemailRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

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
    VoicemailAudioFiles audio;

    /** @return the number of voicemail rows deleted */
    public int erase(List<StoredVoicemail> batch) {
        for (StoredVoicemail voicemail : batch) {
            // A reference is relative to the data folder; one that escapes it is not ours to delete.
            if (voicemail.audioRef() != null && !audio.delete(voicemail.audioRef())) {
                LOG.warning(() -> "Voicemail " + voicemail.id() + " references audio outside the data folder; file left alone");
            }
        }
        return voicemails.deleteByIds(batch.stream().map(StoredVoicemail::id).toList());
    }
}
