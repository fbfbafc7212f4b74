package org.switchboard.application.voicemail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * Voicemail audio under switchboard.data.dir: voicemail/ACCOUNT/UUID.wav. A voicemail row refers to
 * its file by the path relative to the data folder; a reference that leads outside it is never
 * read or deleted.
 */
@ApplicationScoped
public class VoicemailAudioFiles {

    @Inject
    SwitchboardSettings settings;

    /** Writes the WAV (to a temporary name, then moved, so a crash leaves no half file under the real name). */
    public String write(long accountId, byte[] wav) {
        String ref = "voicemail/" + accountId + "/" + UUID.randomUUID() + ".wav";
        Path file = resolve(ref).orElseThrow();
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            Files.write(partial, wav);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write voicemail audio for account #" + accountId, e);
        }
        return ref;
    }

    public byte[] read(String ref) throws IOException {
        return Files.readAllBytes(resolve(ref).orElseThrow(() -> new IOException("audio reference outside the data folder: " + ref)));
    }

    /** @return false when the reference leads outside the data folder (left alone) */
    public boolean delete(String ref) {
        Optional<Path> file = resolve(ref);
        if (file.isEmpty()) {
            return false;
        }
        try {
            Files.deleteIfExists(file.get());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete voicemail audio " + ref, e);
        }
    }

    public boolean exists(String ref) {
        return resolve(ref).map(Files::exists).orElse(false);
    }

    private Optional<Path> resolve(String ref) {
        Path root = settings.dataDir().toAbsolutePath().normalize();
        Path file = root.resolve(ref).normalize();
        return file.startsWith(root) ? Optional.of(file) : Optional.empty();
    }
}
