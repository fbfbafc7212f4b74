package org.switchboard.persistence.voicemail;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.switchboard.persistence.account.Account;

/** A voicemail left for a subscriber. The audio itself lives outside the database. */
@Entity
@Table(name = "voicemail")
public class Voicemail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "caller_uri", nullable = false, length = 512)
    private String callerUri;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "duration_seconds", nullable = false)
    private int durationSeconds;

    /** Reference to the stored audio file; null when the recording was only mailed. */
    @Column(name = "audio_ref", length = 512)
    private String audioRef;

    /** When it was sent by e-mail; null if not (yet) mailed. */
    @Column(name = "mailed_at")
    private Instant mailedAt;

    /** When the subscriber marked it heard; null while it is new (message waiting). */
    @Column(name = "heard_at")
    private Instant heardAt;

    protected Voicemail() {
        // for JPA
    }

    public Voicemail(Account account, String callerUri, Instant receivedAt, int durationSeconds, String audioRef) {
        this.account = account;
        this.callerUri = callerUri;
        this.receivedAt = receivedAt;
        this.durationSeconds = durationSeconds;
        this.audioRef = audioRef;
    }

    public void markMailed(Instant when) {
        this.mailedAt = when;
    }

    public void markHeard(Instant when) {
        this.heardAt = when;
    }

    public Instant getHeardAt() {
        return heardAt;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getCallerUri() {
        return callerUri;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public int getDurationSeconds() {
        return durationSeconds;
    }

    public String getAudioRef() {
        return audioRef;
    }

    public Instant getMailedAt() {
        return mailedAt;
    }
}
