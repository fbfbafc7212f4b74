package org.switchboard.persistence.trace;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.persistence.BatchDelete;

/**
 * SIP traces. Every read is scoped to one account: a subscriber only sees messages they sent or received,
 * even when they know another call's Call-ID.
 */
@ApplicationScoped
public class TraceRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected TraceRepository() {
        // for CDI
    }

    public TraceRepository(EntityManager em) {
        this.em = em;
    }

    public TraceMessage save(TraceMessage message) {
        em.persist(message);
        return message;
    }

    /** The messages of one call that concern this account, in the order they crossed the proxy. */
    public List<TraceMessage> findByCallId(String callId, long accountId) {
        return em.createQuery("select t from TraceMessage t"
                        + " where t.callId = :callId"
                        + " and (t.fromAccount.id = :accountId or t.toAccount.id = :accountId)"
                        + " order by t.messageTime, t.id", TraceMessage.class)
                .setParameter("callId", callId)
                .setParameter("accountId", accountId)
                .getResultList();
    }

    /** The account's most recently active calls, newest first. */
    public List<TracedCall> recentCallsForAccount(long accountId, int limit) {
        return em.createQuery("select new org.switchboard.persistence.trace.TracedCall("
                        + "t.callId, min(t.messageTime), max(t.messageTime), count(t))"
                        + " from TraceMessage t"
                        + " where t.fromAccount.id = :accountId or t.toAccount.id = :accountId"
                        + " group by t.callId"
                        + " order by max(t.messageTime) desc, t.callId", TracedCall.class)
                .setParameter("accountId", accountId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** A page of the account's calls with a message since {@code since}, most recently active first. */
    public List<TracedCall> callsForAccount(long accountId, Instant since, int first, int max) {
        return em.createQuery("select new org.switchboard.persistence.trace.TracedCall("
                        + "t.callId, min(t.messageTime), max(t.messageTime), count(t))"
                        + " from TraceMessage t"
                        + " where (t.fromAccount.id = :accountId or t.toAccount.id = :accountId)"
                        + " and t.messageTime >= :since"
                        + " group by t.callId"
                        + " order by max(t.messageTime) desc, t.callId", TracedCall.class)
                .setParameter("accountId", accountId)
                .setParameter("since", since)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /** How many calls {@link #callsForAccount} pages through. */
    public long countCallsForAccount(long accountId, Instant since) {
        return em.createQuery("select count(distinct t.callId) from TraceMessage t"
                        + " where (t.fromAccount.id = :accountId or t.toAccount.id = :accountId)"
                        + " and t.messageTime >= :since", Long.class)
                .setParameter("accountId", accountId)
                .setParameter("since", since)
                .getSingleResult();
    }

    /** Retention: deletes up to {@code limit} messages older than the cutoff; returns how many. */
    public int deleteOlderThan(Instant cutoff, int limit) {
        return BatchDelete.rows(em, "trace_message", "message_time < ?1", limit, cutoff);
    }

    /** Account deletion: up to {@code limit} messages the account sent or received. */
    public int deleteForAccount(long accountId, int limit) {
        return BatchDelete.rows(em, "trace_message", "from_account_id = ?1 OR to_account_id = ?1", limit, accountId);
    }
}
