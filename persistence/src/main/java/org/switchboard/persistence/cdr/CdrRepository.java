package org.switchboard.persistence.cdr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

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

    /**
     * A page of the account's calls matching the filter, in the requested order. The account is the
     * caller or the callee; the peer search looks at the other side's URI only.
     */
    public List<CallDetailRecord> findForAccount(long accountId, CdrFilter filter, CdrSort sort, boolean ascending,
                                                 int first, int max) {
        return filtered("select c", accountId, filter, sort.orderBy(ascending), CallDetailRecord.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /** Total for the same filter, for the pager. */
    public long countForAccount(long accountId, CdrFilter filter) {
        return filtered("select count(c)", accountId, filter, "", Long.class).getSingleResult();
    }

    /** One record, only if the account took part in the call (a guessed id reveals nothing). */
    public Optional<CallDetailRecord> findForAccount(long cdrId, long accountId) {
        return em.createQuery("select c from CallDetailRecord c where c.id = :id"
                        + " and (c.callerAccount.id = :accountId or c.calleeAccount.id = :accountId)", CallDetailRecord.class)
                .setParameter("id", cdrId)
                .setParameter("accountId", accountId)
                .getResultStream()
                .findFirst();
    }

    /** The account's records of the given calls (for the trace list's peer and result). */
    public List<CallDetailRecord> findByCallIds(long accountId, Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from CallDetailRecord c where c.callId in :callIds"
                        + " and (c.callerAccount.id = :accountId or c.calleeAccount.id = :accountId)", CallDetailRecord.class)
                .setParameter("callIds", callIds)
                .setParameter("accountId", accountId)
                .getResultList();
    }

    /** Calls and talked seconds per day (UTC) of the account's calls started in [from, to), oldest day first. */
    public List<CallsPerDay> callsPerDay(long accountId, Instant from, Instant to) {
        List<Object[]> rows = em.createQuery("select c.startTime, c.durationSeconds" + FOR_ACCOUNT, Object[].class)
                .setParameter("accountId", accountId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        // Grouped here rather than in SQL: the day of a TIMESTAMP WITH TIME ZONE is not portable between
        // H2 and PostgreSQL, and only two small columns of one month's calls come back.
        java.util.TreeMap<LocalDate, long[]> days = new java.util.TreeMap<>();
        for (Object[] row : rows) {
            long[] day = days.computeIfAbsent(LocalDate.ofInstant((Instant) row[0], ZoneOffset.UTC), d -> new long[2]);
            day[0]++;
            day[1] += ((Number) row[1]).longValue();
        }
        return days.entrySet().stream().map(e -> new CallsPerDay(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** Start times of every call (any account) started in [from, to): the dashboard's calls per hour. */
    public List<Instant> startTimes(Instant from, Instant to) {
        return em.createQuery("select c.startTime from CallDetailRecord c where c.startTime >= :from and c.startTime < :to",
                        Instant.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    private <T> TypedQuery<T> filtered(String select, long accountId, CdrFilter filter, String orderBy, Class<T> type) {
        String peer = filter.hasPeer()
                ? " and ((c.callerAccount.id = :accountId and lower(c.calleeUri) like :peer escape '\\')"
                + " or (c.calleeAccount.id = :accountId and lower(c.callerUri) like :peer escape '\\'))"
                : "";
        TypedQuery<T> query = em.createQuery(select + FOR_ACCOUNT + peer + orderBy, type)
                .setParameter("accountId", accountId)
                .setParameter("from", filter.from())
                .setParameter("to", filter.to());
        if (filter.hasPeer()) {
            query.setParameter("peer", filter.peerPattern());
        }
        return query;
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
