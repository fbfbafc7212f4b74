package org.switchboard.persistence.audit;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The audit log. */
@ApplicationScoped
public class AuditRepository {

    /** Keeps detail inside its VARCHAR(4000) column rather than failing the audited action. */
    static final int MAX_DETAIL = 4000;

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected AuditRepository() {
        // for CDI
    }

    public AuditRepository(EntityManager em) {
        this.em = em;
    }

    /** Appends an entry stamped now. */
    public AuditEntry record(String actor, String action, String target, String detail) {
        String trimmed = detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        AuditEntry entry = new AuditEntry(Instant.now(), actor, action, target, trimmed);
        em.persist(entry);
        return entry;
    }

    /** A page of the entries matching the filter, newest first. */
    public List<AuditEntry> search(AuditFilter filter, int first, int max) {
        return filtered("select e", filter, " order by e.at desc, e.id desc", AuditEntry.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count(AuditFilter filter) {
        return filtered("select count(e)", filter, "", Long.class).getSingleResult();
    }

    /** The newest entry of an action (e.g. the last RETENTION_RUN), if there is one. */
    public java.util.Optional<AuditEntry> latest(String action) {
        return search(new AuditFilter(null, action, null, null, null), 0, 1).stream().findFirst();
    }

    private <T> jakarta.persistence.TypedQuery<T> filtered(String select, AuditFilter filter, String orderBy, Class<T> type) {
        StringBuilder where = new StringBuilder(" from AuditEntry e where 1 = 1");
        if (filter.has(filter.actor())) {
            where.append(" and lower(e.actor) = :actor");
        }
        if (filter.has(filter.action())) {
            where.append(" and upper(e.action) = :action");
        }
        if (filter.has(filter.target())) {
            where.append(" and e.target = :target");
        }
        if (filter.from() != null) {
            where.append(" and e.at >= :from");
        }
        if (filter.to() != null) {
            where.append(" and e.at < :to");
        }
        jakarta.persistence.TypedQuery<T> query = em.createQuery(select + where + orderBy, type);
        if (filter.has(filter.actor())) {
            query.setParameter("actor", filter.actor().trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.has(filter.action())) {
            query.setParameter("action", filter.action().trim().toUpperCase(java.util.Locale.ROOT));
        }
        if (filter.has(filter.target())) {
            query.setParameter("target", filter.target().trim());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            query.setParameter("to", filter.to());
        }
        return query;
    }

    /** The latest entries, newest first (id breaks ties between entries of the same instant). */
    public List<AuditEntry> recent(int limit) {
        return em.createQuery("select e from AuditEntry e order by e.at desc, e.id desc", AuditEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
