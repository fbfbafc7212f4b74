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

/** A SIP MESSAGE stored because its recipient had no registered device; delivered on next registration. */
@Entity
@Table(name = "offline_message")
public class OfflineMessage {

    /** Bodies are capped like raw SIP text: 64 KiB. */
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

    @Column(name = "body", nullable = false, length = MAX_BODY)
    private String body;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    /** Delivery attempts so far. */
    @Column(name = "attempts", nullable = false)
    private int attempts;

    /** After this the message is dropped, delivered or not. */
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected OfflineMessage() {
        // for JPA
    }

    public OfflineMessage(String senderUri, Account recipient, String contentType, String body,
                          Instant receivedAt, Instant expiresAt) {
        this.senderUri = senderUri;
        this.recipient = recipient;
        this.contentType = contentType;
        this.body = body;
        this.receivedAt = receivedAt;
        this.expiresAt = expiresAt;
    }

    public void recordAttempt() {
        attempts++;
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

    public String getBody() {
        return body;
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
