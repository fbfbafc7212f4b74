package org.switchboard.persistence.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A SIP subscriber: the address-of-record sip:user@domain and who owns it. */
@Entity
@Table(name = "account",
        uniqueConstraints = @UniqueConstraint(name = "uk_account_sip_user_domain", columnNames = {"sip_user", "sip_domain"}))
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "sip_user", nullable = false, length = 64)
    private String sipUser;

    @Column(name = "sip_domain", nullable = false, length = 255)
    private String sipDomain;

    @Column(name = "display_name", length = 128)
    private String displayName;

    @Column(name = "email", length = 320)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private AccountStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
        // for JPA
    }

    public Account(String sipUser, String sipDomain, String displayName, String email, Instant createdAt) {
        this.sipUser = sipUser;
        this.sipDomain = sipDomain;
        this.displayName = displayName;
        this.email = email;
        this.status = AccountStatus.ACTIVE;
        this.createdAt = createdAt;
    }

    /** The address-of-record, e.g. {@code sip:alice@example.org}. */
    public String sipUri() {
        return "sip:" + sipUser + "@" + sipDomain;
    }

    public Long getId() {
        return id;
    }

    public String getSipUser() {
        return sipUser;
    }

    public String getSipDomain() {
        return sipDomain;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public AccountStatus getStatus() {
        return status;
    }

    public void setStatus(AccountStatus status) {
        this.status = status;
    }

    /**
     * Closes an account whose money records must outlive it: the row stays only so the purchases keep
     * their owner until they are purged, stripped of the address, name and email. The SIP user becomes
     * a placeholder (the column is unique and required), which also frees the name.
     */
    public void closeAndErase() {
        this.status = AccountStatus.CLOSED;
        this.sipUser = "closed-" + id;
        this.displayName = null;
        this.email = null;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Account[" + id + " " + sipUri() + " " + status + "]";
    }
}
