package org.switchboard.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.DeletionRequest;
import org.switchboard.persistence.audit.AuditEntry;
import org.switchboard.persistence.billing.Purchase;
import org.switchboard.persistence.cdr.CallDetailRecord;
import org.switchboard.persistence.messaging.OfflineMessage;
import org.switchboard.persistence.presence.PresenceLog;
import org.switchboard.persistence.trace.TraceDirection;
import org.switchboard.persistence.trace.TraceMessage;
import org.switchboard.persistence.voicemail.Voicemail;

/** Writes and reads rows for the Arquillian tests, each call in its own transaction. Returns ids. */
@Stateless
public class TestData {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    private Account account(long id) {
        return em.find(Account.class, id);
    }

    public long trace(long accountId, Instant at) {
        TraceMessage t = new TraceMessage(UUID.randomUUID().toString(), at, TraceDirection.IN, "UDP", "192.0.2.1", 5060,
                "192.0.2.2", 5060, "INVITE", null, "INVITE", "INVITE sip:x@localhost SIP/2.0\r\n\r\n", account(accountId), null);
        em.persist(t);
        return t.getId();
    }

    public long cdr(long accountId, Instant start) {
        CallDetailRecord c = new CallDetailRecord(UUID.randomUUID().toString(), null, "sip:x@example.net",
                account(accountId), "sip:it@localhost", start);
        em.persist(c);
        return c.getId();
    }

    public long presence(long accountId, Instant at) {
        PresenceLog p = new PresenceLog(account(accountId), "phone", "open", at);
        em.persist(p);
        return p.getId();
    }

    public long offlineMessage(long accountId, Instant expiresAt) {
        OfflineMessage m = new OfflineMessage("sip:x@example.net", account(accountId), "text/plain", "hello",
                expiresAt.minusSeconds(3600), expiresAt);
        em.persist(m);
        return m.getId();
    }

    public long voicemail(long accountId, Instant at, String audioRef) {
        Voicemail v = new Voicemail(account(accountId), "sip:x@example.net", at, 4, audioRef);
        em.persist(v);
        return v.getId();
    }

    public long purchase(long accountId, Instant at) {
        Purchase p = new Purchase(account(accountId), new BigDecimal("5.00"), "EUR", at, "Full Name", "1 Billing Street");
        em.persist(p);
        return p.getId();
    }

    public long deletionRequest(long accountId, Instant at) {
        DeletionRequest r = new DeletionRequest(account(accountId), at);
        em.persist(r);
        return r.getId();
    }

    public boolean exists(Class<?> type, long id) {
        return em.find(type, id) != null;
    }

    public <T> T find(Class<T> type, long id) {
        return em.find(type, id);
    }

    public long count(String jpql, long accountId) {
        return em.createQuery(jpql, Long.class).setParameter("id", accountId).getSingleResult();
    }

    /** Audit entries about a target, oldest first. */
    public List<AuditEntry> auditAbout(String target) {
        return em.createQuery("select e from AuditEntry e where e.target = :t order by e.id", AuditEntry.class)
                .setParameter("t", target).getResultList();
    }

    /** Every audit entry whose text contains the string (to prove no personal data remains). */
    public long auditMentioning(String text) {
        return em.createQuery("select count(e) from AuditEntry e where e.actor like :t or e.target like :t or e.detail like :t", Long.class)
                .setParameter("t", "%" + text + "%").getSingleResult();
    }

    public AuditEntry lastAudit(String action) {
        return em.createQuery("select e from AuditEntry e where e.action = :a order by e.id desc", AuditEntry.class)
                .setParameter("a", action).setMaxResults(1).getSingleResult();
    }
}
