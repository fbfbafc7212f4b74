package org.switchboard.persistence.abuse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.persistence.account.Account;

/** Abuse flags: raised by the SIP path (through the ejb service), seen and cleared by support. */
@ApplicationScoped
public class AbuseFlagRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected AbuseFlagRepository() {
        // for CDI
    }

    public AbuseFlagRepository(EntityManager em) {
        this.em = em;
    }

    public AbuseFlag raise(Account account, AbuseKind kind, String detail, Instant at) {
        AbuseFlag flag = new AbuseFlag(account, kind, detail, at);
        em.persist(flag);
        return flag;
    }

    /** Open flags, newest first, with their accounts. */
    public List<AbuseFlag> open(int limit) {
        return em.createQuery("select f from AbuseFlag f join fetch f.account where f.clearedAt is null"
                        + " order by f.flaggedAt desc, f.id desc", AbuseFlag.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** One account's flags, newest first. */
    public List<AbuseFlag> ofAccount(long accountId, int limit) {
        return em.createQuery("select f from AbuseFlag f where f.account.id = :id order by f.flaggedAt desc, f.id desc",
                        AbuseFlag.class)
                .setParameter("id", accountId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** An account's open flags (automatic blocking counts these). */
    public long countOpen(long accountId) {
        return em.createQuery("select count(f) from AbuseFlag f where f.account.id = :id and f.clearedAt is null", Long.class)
                .setParameter("id", accountId)
                .getSingleResult();
    }

    /** Clears every open flag of one account for one limit (support's "Clear"); how many it cleared. */
    public int clearOpen(long accountId, AbuseKind kind, String by, Instant at) {
        return em.createQuery("update AbuseFlag f set f.clearedAt = :at, f.clearedBy = :by"
                        + " where f.account.id = :id and f.kind = :kind and f.clearedAt is null")
                .setParameter("at", at)
                .setParameter("by", by)
                .setParameter("id", accountId)
                .setParameter("kind", kind)
                .executeUpdate();
    }

    public Optional<AbuseFlag> findById(long id) {
        return Optional.ofNullable(em.find(AbuseFlag.class, id));
    }
}
