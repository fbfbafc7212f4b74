package org.switchboard.persistence.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.persistence.BatchDelete;

/** Stored SIP MESSAGEs awaiting delivery. */
@ApplicationScoped
public class OfflineMessageRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected OfflineMessageRepository() {
        // for CDI
    }

    public OfflineMessageRepository(EntityManager em) {
        this.em = em;
    }

    public OfflineMessage save(OfflineMessage message) {
        if (message.getId() == null) {
            em.persist(message);
            return message;
        }
        return em.merge(message);
    }

    /** Messages for this account not yet expired at {@code now}, oldest first (delivery order). */
    public List<OfflineMessage> pendingFor(long accountId, Instant now) {
        return em.createQuery("select m from OfflineMessage m where m.recipient.id = :accountId"
                        + " and m.expiresAt > :now order by m.receivedAt, m.id", OfflineMessage.class)
                .setParameter("accountId", accountId)
                .setParameter("now", now)
                .getResultList();
    }

    /** How many messages wait for the account at {@code now}, and since when: counts only, never the text. */
    public Waiting waitingFor(long accountId, Instant now) {
        Object[] row = em.createQuery("select count(m), min(m.receivedAt) from OfflineMessage m"
                        + " where m.recipient.id = :accountId and m.expiresAt > :now", Object[].class)
                .setParameter("accountId", accountId)
                .setParameter("now", now)
                .getSingleResult();
        return new Waiting(((Number) row[0]).longValue(), (Instant) row[1]);
    }

    /** Messages waiting for anyone at {@code now} (the admin dashboard). */
    public long countWaiting(Instant now) {
        return em.createQuery("select count(m) from OfflineMessage m where m.expiresAt > :now", Long.class)
                .setParameter("now", now)
                .getSingleResult();
    }

    /** A count of waiting messages and when the oldest arrived (null when none). */
    public record Waiting(long count, Instant oldest) {
    }

    public List<OfflineMessage> pendingFor(long accountId) {
        return pendingFor(accountId, Instant.now());
    }

    /** Retention: deletes up to {@code limit} messages no longer pending at {@code now} (see {@link #pendingFor}). */
    public int deleteExpired(Instant now, int limit) {
        return BatchDelete.rows(em, "offline_message", "expires_at <= ?1", limit, now);
    }

    /** Account deletion: up to {@code limit} messages held for the account. */
    public int deleteForRecipient(long accountId, int limit) {
        return BatchDelete.rows(em, "offline_message", "recipient_account_id = ?1", limit, accountId);
    }
}
