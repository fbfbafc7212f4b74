package org.switchboard.persistence.cdr;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.persistence.BatchDelete;

/** Call detail records. Reads are per account: calls where the account was caller or callee. */
@ApplicationScoped
public class CdrRepository {

    private static final String FOR_ACCOUNT = " from CallDetailRecord c"
            + " where (c.callerAccount.id = :accountId or c.calleeAccount.id = :accountId)"
            + " and c.startTime >= :from and c.startTime < :to";

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected CdrRepository() {
        // for CDI
    }

    public CdrRepository(EntityManager em) {
        this.em = em;
    }

    public CallDetailRecord save(CallDetailRecord cdr) {
        if (cdr.getId() == null) {
            em.persist(cdr);
            return cdr;
        }
        return em.merge(cdr);
    }

    /** A page of the account's calls started in [from, to), newest first. */
    public List<CallDetailRecord> findForAccount(long accountId, Instant from, Instant to, int first, int max) {
        return em.createQuery("select c" + FOR_ACCOUNT + " order by c.startTime desc, c.id desc", CallDetailRecord.class)
                .setParameter("accountId", accountId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /** Total for the same filter as {@link #findForAccount}, for the pager. */
    public long countForAccount(long accountId, Instant from, Instant to) {
        return em.createQuery("select count(c)" + FOR_ACCOUNT, Long.class)
                .setParameter("accountId", accountId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
    }

    /** Retention: deletes up to {@code limit} records of calls started before the cutoff. */
    public int deleteStartedBefore(Instant cutoff, int limit) {
        return BatchDelete.rows(em, "call_detail_record", "start_time < ?1", limit, cutoff);
    }

    /** Account deletion: up to {@code limit} records where the account was caller or callee. */
    public int deleteForAccount(long accountId, int limit) {
        return BatchDelete.rows(em, "call_detail_record", "caller_account_id = ?1 OR callee_account_id = ?1", limit, accountId);
    }
}
