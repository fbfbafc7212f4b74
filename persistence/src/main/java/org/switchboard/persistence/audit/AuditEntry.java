package org.switchboard.persistence.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who did what to whom: staff actions and retention runs. Append-only. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    /** Column is occurred_at: AT is best kept out of SQL. */
    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    /** Staff user name, or "system" for scheduled jobs. */
    @Column(name = "actor", nullable = false, length = 255)
    private String actor;

    /** Short verb, e.g. ACCOUNT_BLOCKED, RETENTION_RUN. */
    @Column(name = "action", nullable = false, length = 64)
    private String action;

    /** What was acted on, e.g. sip:alice@example.org. */
    @Column(name = "target", length = 512)
    private String target;

    @Column(name = "detail", length = 4000)
    private String detail;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(Instant at, String actor, String action, String target, String detail) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }
}
