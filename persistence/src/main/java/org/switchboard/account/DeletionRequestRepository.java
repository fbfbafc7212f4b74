package org.switchboard.account;

import java.util.List;

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
}
