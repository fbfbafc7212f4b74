package org.switchboard.persistence.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /** How many messages are held for this account and not yet expired (the per-recipient maximum). */
    public long countPendingFor(long accountId, Instant now) {
        return em.createQuery("select count(m) from OfflineMessage m where m.recipient.id = :accountId"
                        + " and m.expiresAt > :now", Long.class)
                .setParameter("accountId", accountId)
                .setParameter("now", now)
                .getSingleResult();
    }

    /**
     * The SIP users with a message whose turn may have come: not expired, due, not claimed by a
     * node. A hint only; {@link #claimHead} decides.
     */
    public List<String> recipientsDue(Instant now, int limit) {
        return em.createQuery("select distinct m.recipient.sipUser from OfflineMessage m where m.expiresAt > :now"
                        + " and m.nextAttemptAt <= :now and (m.claimedUntil is null or m.claimedUntil < :now)", String.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Claims the oldest pending message of this account for delivery until {@code until}, if it is
     * due and no other node holds it; else empty. Only the head of the queue is ever claimed, so
     * messages go out one at a time and in the order received: while the head waits for its back-off
     * or is held by another node, the recipient's later messages wait too. The row lock is taken
     * with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL, H2 2.2) so two nodes racing for the same
     * head never both get it: the loser skips it, or sees the winner's claim once it commits.
     * Call in a transaction, which the caller commits before sending the message.
     */
    public Optional<OfflineMessage> claimHead(long accountId, Instant now, Instant until) {
        List<OfflineMessage> head = em.createQuery("select m from OfflineMessage m where m.recipient.id = :accountId"
                        + " and m.expiresAt > :now order by m.receivedAt, m.id", OfflineMessage.class)
                .setParameter("accountId", accountId)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList();
        if (head.isEmpty() || head.get(0).getNextAttemptAt().isAfter(now)) {
            return Optional.empty();
        }
        OfflineMessage message = head.get(0);
        List<?> locked = em.createNativeQuery("SELECT id FROM offline_message WHERE id = ?1"
                        + " AND (claimed_until IS NULL OR claimed_until < ?2) FOR UPDATE SKIP LOCKED")
                .setParameter(1, message.getId())
                .setParameter(2, now)
                .getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        em.refresh(message); // the row as locked, not as first read
        message.claimUntil(until);
        return Optional.of(message);
    }

    public Optional<OfflineMessage> find(long id) {
        return Optional.ofNullable(em.find(OfflineMessage.class, id));
    }

    /** Delivered (or refused for good): the stored copy goes. */
    public boolean delete(long id) {
        return em.createQuery("delete from OfflineMessage m where m.id = :id").setParameter("id", id).executeUpdate() == 1;
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
