package org.switchboard.persistence.messaging;

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

/**
 * A SIP MESSAGE stored because its recipient could not take it (RFC 3428 store-and-forward): what
 * came in (From, To, Content-Type, the body's bytes, when), and its place in the recipient's
 * delivery queue (attempts, when the next is due, until when a node has claimed it).
 */
@Entity
@Table(name = "offline_message")
public class OfflineMessage {

    /** The most a body may hold; the configured limit (MessagingSettings) is at most this. */
    public static final int MAX_BODY = 65535;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "sender_uri", nullable = false, length = 512)
    private String senderUri;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recipient_account_id", nullable = false)
    private Account recipient;

    @Column(name = "content_type", nullable = false, length = 255)
    private String contentType;

    /** The original To, as the sender wrote it (delivery repeats it). */
    @Column(name = "recipient_uri", nullable = false, length = 512)
    private String recipientUri;

    /** The body as received, byte for byte. */
    @Column(name = "body", nullable = false, length = MAX_BODY)
    private byte[] body;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    /** Delivery attempts so far. */
    @Column(name = "attempts", nullable = false)
    private int attempts;

    /** After this the message is dropped, delivered or not. */
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** Not delivered before this (back-off after an attempt that got no answer). */
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    /** A node is delivering it until this; null when nobody is. */
    @Column(name = "claimed_until")
    private Instant claimedUntil;

    protected OfflineMessage() {
        // for JPA
    }

    public OfflineMessage(String senderUri, Account recipient, String recipientUri, String contentType, byte[] body,
                          Instant receivedAt, Instant expiresAt) {
        this.senderUri = senderUri;
        this.recipient = recipient;
        this.recipientUri = recipientUri;
        this.contentType = contentType;
        this.body = body.clone();
        this.receivedAt = receivedAt;
        this.expiresAt = expiresAt;
        this.nextAttemptAt = receivedAt;
    }

    /** A text message to the account's own address (tests and fixtures). */
    public OfflineMessage(String senderUri, Account recipient, String contentType, String body,
                          Instant receivedAt, Instant expiresAt) {
        this(senderUri, recipient, recipient.sipUri(), contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                receivedAt, expiresAt);
    }

    /** An attempt got no answer: counted, the claim released, and not tried again before {@code next}. */
    public void recordAttempt(Instant next) {
        attempts++;
        nextAttemptAt = next;
        claimedUntil = null;
    }

    public void recordAttempt() {
        attempts++;
    }

    /** This node delivers it; another node leaves it alone until {@code until}. */
    public void claimUntil(Instant until) {
        claimedUntil = until;
    }

    public Long getId() {
        return id;
    }

    public String getSenderUri() {
        return senderUri;
    }

    public Account getRecipient() {
        return recipient;
    }

    public String getContentType() {
        return contentType;
    }

    public String getRecipientUri() {
        return recipientUri;
    }

    public byte[] getBody() {
        return body.clone();
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getClaimedUntil() {
        return claimedUntil;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
