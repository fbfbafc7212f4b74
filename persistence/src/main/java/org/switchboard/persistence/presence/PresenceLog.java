package org.switchboard.persistence.presence;

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

/** A presence change published by one of a subscriber's devices (kept a few days for the portal). */
@Entity
@Table(name = "presence_log")
public class PresenceLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    /** Device identity, e.g. the contact's +sip.instance or User-Agent. */
    @Column(name = "device", nullable = false, length = 255)
    private String device;

    /** Published state, e.g. "open", "closed", "busy". */
    @Column(name = "state", nullable = false, length = 64)
    private String state;

    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt;

    protected PresenceLog() {
        // for JPA
    }

    public PresenceLog(Account account, String device, String state, Instant loggedAt) {
        this.account = account;
        this.device = device;
        this.state = state;
        this.loggedAt = loggedAt;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getDevice() {
        return device;
    }

    public String getState() {
        return state;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }
}
