package org.switchboard.persistence.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** That a demo account was opened once in this database; it outlives the account on purpose. */
@Entity
@Table(name = "demo_seed")
public class DemoSeed {

    @Id
    @Column(name = "sip_user", length = 64)
    private String sipUser;

    @Column(name = "seeded_at", nullable = false)
    private Instant seededAt;

    protected DemoSeed() {
        // for JPA
    }

    public DemoSeed(String sipUser, Instant seededAt) {
        this.sipUser = sipUser;
        this.seededAt = seededAt;
    }

    public String getSipUser() {
        return sipUser;
    }

    public Instant getSeededAt() {
        return seededAt;
    }
}
