package org.switchboard.persistence.presence;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.persistence.BatchDelete;

/** Presence history, per account. */
@ApplicationScoped
public class PresenceLogRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected PresenceLogRepository() {
        // for CDI
    }

    public PresenceLogRepository(EntityManager em) {
        this.em = em;
    }

    public PresenceLog save(PresenceLog log) {
        em.persist(log);
        return log;
    }

    /** The account's latest presence changes, newest first. */
    public List<PresenceLog> recentForAccount(long accountId, int limit) {
        return em.createQuery("select p from PresenceLog p where p.account.id = :accountId"
                        + " order by p.loggedAt desc, p.id desc", PresenceLog.class)
                .setParameter("accountId", accountId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Retention: deletes up to {@code limit} entries logged before the cutoff. */
    public int deleteOlderThan(Instant cutoff, int limit) {
        return BatchDelete.rows(em, "presence_log", "logged_at < ?1", limit, cutoff);
    }

    /** Account deletion: up to {@code limit} of the account's entries. */
    public int deleteForAccount(long accountId, int limit) {
        return BatchDelete.rows(em, "presence_log", "account_id = ?1", limit, accountId);
    }
}
