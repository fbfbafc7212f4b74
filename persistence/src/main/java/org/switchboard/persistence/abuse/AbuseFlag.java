package org.switchboard.persistence.abuse;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.switchboard.persistence.account.Account;

/** An account flagged for support: it went over a residential limit. Open until support clears it. */
@Entity
@Table(name = "abuse_flag")
public class AbuseFlag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 32)
    private AbuseKind kind;

    /** The limit and what was seen, e.g. "4 calls at once, limit 3"; no addresses or numbers called. */
    @Column(name = "detail", nullable = false, length = 1000)
    private String detail;

    @Column(name = "flagged_at", nullable = false)
    private Instant flaggedAt;

    @Column(name = "cleared_at")
    private Instant clearedAt;

    @Column(name = "cleared_by", length = 255)
    private String clearedBy;

    protected AbuseFlag() {
        // for JPA
    }

    public AbuseFlag(Account account, AbuseKind kind, String detail, Instant flaggedAt) {
        this.account = account;
        this.kind = kind;
        this.detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        this.flaggedAt = flaggedAt;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public AbuseKind getKind() {
        return kind;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getFlaggedAt() {
        return flaggedAt;
    }

    public Instant getClearedAt() {
        return clearedAt;
    }

    public String getClearedBy() {
        return clearedBy;
    }

    public boolean isOpen() {
        return clearedAt == null;
    }

    public void clear(String by, Instant at) {
        this.clearedBy = by;
        this.clearedAt = at;
    }
}
