package org.switchboard.persistence.voicemail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * A voicemail's mail waiting in the outbox: to whom, whether the audio stays on the server once
 * mailed, and when to try next. Deleted when the mail has gone.
 */
@Entity
@Table(name = "voicemail_mail")
public class VoicemailMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "voicemail_id", nullable = false, unique = true)
    private Voicemail voicemail;

    @Column(name = "recipient", nullable = false, length = 320)
    private String recipient;

    /** False when the subscriber keeps nothing on the server: the audio goes once mailed. */
    @Column(name = "keep_audio", nullable = false)
    private boolean keepAudio;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected VoicemailMail() {
        // for JPA
    }

    public VoicemailMail(Voicemail voicemail, String recipient, boolean keepAudio, Instant firstAttemptAt) {
        this.voicemail = voicemail;
        this.recipient = recipient;
        this.keepAudio = keepAudio;
        this.nextAttemptAt = firstAttemptAt;
    }

    /** A failed try: the next one waits until {@code next}. */
    public void failed(String error, Instant next) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        nextAttemptAt = next;
    }

    public Long getId() {
        return id;
    }

    public Voicemail getVoicemail() {
        return voicemail;
    }

    public String getRecipient() {
        return recipient;
    }

    public boolean isKeepAudio() {
        return keepAudio;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }
}
