package org.switchboard.persistence.audit;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The audit log. */
@ApplicationScoped
public class AuditRepository {

    /** Keeps detail inside its VARCHAR(4000) column rather than failing the audited action. */
    static final int MAX_DETAIL = 4000;

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected AuditRepository() {
        // for CDI
    }

    public AuditRepository(EntityManager em) {
        this.em = em;
    }

    /** Appends an entry stamped now. */
    public AuditEntry record(String actor, String action, String target, String detail) {
        String trimmed = detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        AuditEntry entry = new AuditEntry(Instant.now(), actor, action, target, trimmed);
        em.persist(entry);
        return entry;
    }

    /** The latest entries, newest first (id breaks ties between entries of the same instant). */
    public List<AuditEntry> recent(int limit) {
        return em.createQuery("select e from AuditEntry e order by e.at desc, e.id desc", AuditEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
