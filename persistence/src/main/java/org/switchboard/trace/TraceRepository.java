package org.switchboard.trace;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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
        return em.createQuery("select new org.switchboard.trace.TracedCall("
                        + "t.callId, min(t.messageTime), max(t.messageTime), count(t))"
                        + " from TraceMessage t"
                        + " where t.fromAccount.id = :accountId or t.toAccount.id = :accountId"
                        + " group by t.callId"
                        + " order by max(t.messageTime) desc, t.callId", TracedCall.class)
                .setParameter("accountId", accountId)
                .setMaxResults(limit)
                .getResultList();
    }
}
