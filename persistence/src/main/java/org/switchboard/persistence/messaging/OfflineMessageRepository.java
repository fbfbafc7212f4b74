package org.switchboard.persistence.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
     * due and no other node holds it; else empty ({@link #claimHeads} with a limit of one).
     */
    public Optional<OfflineMessage> claimHead(long accountId, Instant now, Instant until) {
        return claimHeads(accountId, now, until, 1).stream().findFirst();
    }

    /**
     * Claims up to {@code limit} messages from the head of this account's queue for delivery until
     * {@code until}, oldest first: the longest run from the head that is due and that no other node
     * holds, so the first message that waits for its back-off, or that another node has claimed or
     * locked, ends the run (empty when it is the head). Messages still go out one at a time and in
     * the order received: the caller sends them in the order returned, and while the head waits,
     * the recipient's later messages wait too. Claiming several in one transaction saves a commit
     * per message. The row locks are taken with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL, H2
     * 2.2) so two nodes racing for the same head never both get it: the loser skips it, or sees
     * the winner's claim once it commits. Call in a transaction, which the caller commits before
     * sending the messages.
     */
    public List<OfflineMessage> claimHeads(long accountId, Instant now, Instant until, int limit) {
        // Ordered by the index's columns (recipient, received_at) so that H2 reads the head off the
        // index instead of sorting the whole queue; the id settles ties in the order of arrival.
        List<Long> queue = em.createQuery("select m.id from OfflineMessage m where m.recipient.id = :accountId"
                        + " and m.expiresAt > :now order by m.recipient.id, m.receivedAt, m.id", Long.class)
                .setParameter("accountId", accountId)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        if (queue.isEmpty()) {
            return List.of();
        }
        Set<Long> locked = new HashSet<>();
        for (Object id : em.createNativeQuery("SELECT id FROM offline_message WHERE id IN (?1)"
                        + " AND next_attempt_at <= ?2 AND (claimed_until IS NULL OR claimed_until < ?2) FOR UPDATE SKIP LOCKED")
                .setParameter(1, queue)
                .setParameter(2, now)
                .getResultList()) {
            locked.add(((Number) id).longValue());
        }
        List<Long> run = new ArrayList<>();
        for (Long id : queue) {
            if (!locked.contains(id)) {
                break; // not due, or another node's: it holds the rest of the queue behind it
            }
            run.add(id);
        }
        if (run.isEmpty()) {
            return List.of();
        }
        // Read only now, under the locks (the first query took ids only); the order is the queue's.
        Map<Long, OfflineMessage> rows = new HashMap<>();
        for (OfflineMessage m : em.createQuery("select m from OfflineMessage m where m.id in :ids", OfflineMessage.class)
                .setParameter("ids", run)
                .getResultList()) {
            m.claimUntil(until);
            rows.put(m.getId(), m);
        }
        return run.stream().map(rows::get).toList();
    }

    public Optional<OfflineMessage> find(long id) {
        return Optional.ofNullable(em.find(OfflineMessage.class, id));
    }

    /** Delivered (or refused for good): the stored copy goes. */
    public boolean delete(long id) {
        return em.createQuery("delete from OfflineMessage m where m.id = :id").setParameter("id", id).executeUpdate() == 1;
    }

    /** Delivered (or refused for good), several at once: their stored copies go. */
    public int deleteAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from OfflineMessage m where m.id in :ids").setParameter("ids", ids).executeUpdate();
    }

    /** Claimed messages put back untouched (no attempt was made): any node may take them again. */
    public int releaseAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("update OfflineMessage m set m.claimedUntil = null where m.id in :ids")
                .setParameter("ids", ids).executeUpdate();
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
