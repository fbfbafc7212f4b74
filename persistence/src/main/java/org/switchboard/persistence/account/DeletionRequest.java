package org.switchboard.persistence.account;

import java.time.Instant;

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

/** A subscriber's request to erase their account; processed asynchronously, outcome kept for the record. */
@Entity
@Table(name = "deletion_request")
public class DeletionRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private DeletionState state;

    @Column(name = "processed_at")
    private Instant processedAt;

    @Column(name = "outcome", length = 4000)
    private String outcome;

    protected DeletionRequest() {
        // for JPA
    }

    public DeletionRequest(Account account, Instant requestedAt) {
        this.account = account;
        this.requestedAt = requestedAt;
        this.state = DeletionState.PENDING;
    }

    public void markProcessing() {
        this.state = DeletionState.PROCESSING;
    }

    public void markDone(Instant processedAt, String outcome) {
        this.state = DeletionState.DONE;
        this.processedAt = processedAt;
        this.outcome = outcome;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public DeletionState getState() {
        return state;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }

    public String getOutcome() {
        return outcome;
    }
}
