package org.switchboard.persistence.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Account deletion requests. */
@ApplicationScoped
public class DeletionRequestRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected DeletionRequestRepository() {
        // for CDI
    }

    public DeletionRequestRepository(EntityManager em) {
        this.em = em;
    }

    public DeletionRequest save(DeletionRequest request) {
        if (request.getId() == null) {
            em.persist(request);
            return request;
        }
        return em.merge(request);
    }

    /** Requests still waiting, oldest first: the order the deletion job works through them. */
    public List<DeletionRequest> pending() {
        return em.createQuery("select r from DeletionRequest r where r.state = :state order by r.requestedAt, r.id",
                        DeletionRequest.class)
                .setParameter("state", DeletionState.PENDING)
                .getResultList();
    }

    /** A subscriber's own requests, newest first (portal). */
    public List<DeletionRequest> findByAccount(long accountId) {
        return em.createQuery("select r from DeletionRequest r where r.account.id = :accountId"
                        + " order by r.requestedAt desc, r.id desc", DeletionRequest.class)
                .setParameter("accountId", accountId)
                .getResultList();
    }

    /**
     * The requests the deletion job must work on now: every PROCESSING one (a run that stopped half-way
     * is finished first) and the PENDING ones requested at or before {@code requestedBy} (the grace period).
     */
    public List<DeletionRequest> due(Instant requestedBy) {
        return em.createQuery("select r from DeletionRequest r join fetch r.account"
                        + " where r.state = :processing or (r.state = :pending and r.requestedAt <= :requestedBy)"
                        + " order by r.requestedAt, r.id", DeletionRequest.class)
                .setParameter("processing", DeletionState.PROCESSING)
                .setParameter("pending", DeletionState.PENDING)
                .setParameter("requestedBy", requestedBy)
                .getResultList();
    }

    /** The account's request not yet DONE, if any: a second click must not queue a second request. */
    public Optional<DeletionRequest> openFor(long accountId) {
        return em.createQuery("select r from DeletionRequest r where r.account.id = :accountId and r.state <> :done"
                        + " order by r.id", DeletionRequest.class)
                .setParameter("accountId", accountId)
                .setParameter("done", DeletionState.DONE)
                .getResultStream()
                .findFirst();
    }

    /** The whole queue for support staff, newest first, with each request's account. */
    public List<DeletionRequest> page(int first, int max) {
        return em.createQuery("select r from DeletionRequest r join fetch r.account order by r.requestedAt desc, r.id desc",
                        DeletionRequest.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count() {
        return em.createQuery("select count(r) from DeletionRequest r", Long.class).getSingleResult();
    }

    /** Requests not yet DONE (PENDING or PROCESSING): the dashboard's "pending deletion requests". */
    public long countOpen() {
        return em.createQuery("select count(r) from DeletionRequest r where r.state <> :done", Long.class)
                .setParameter("done", DeletionState.DONE)
                .getSingleResult();
    }

    public Optional<DeletionRequest> findById(long id) {
        return Optional.ofNullable(em.find(DeletionRequest.class, id));
    }

    /** Removes the account's requests with the account itself (the audit log keeps that it happened). */
    public int deleteForAccounts(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from DeletionRequest r where r.account.id in :ids")
                .setParameter("ids", accountIds)
                .executeUpdate();
    }
}
