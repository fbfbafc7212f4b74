package org.switchboard.persistence.billing;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.switchboard.persistence.BatchDelete;

/** Purchases (money records). */
@ApplicationScoped
public class PurchaseRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected PurchaseRepository() {
        // for CDI
    }

    public PurchaseRepository(EntityManager em) {
        this.em = em;
    }

    public Purchase save(Purchase purchase) {
        em.persist(purchase);
        return purchase;
    }

    /** The account's purchases, newest first. */
    public List<Purchase> findByAccount(long accountId) {
        return em.createQuery("select p from Purchase p where p.account.id = :accountId"
                        + " order by p.purchasedAt desc, p.id desc", Purchase.class)
                .setParameter("accountId", accountId)
                .getResultList();
    }

    /** Retention: deletes up to {@code limit} money records of purchases made before the cutoff. */
    public int deletePurchasedBefore(Instant cutoff, int limit) {
        return BatchDelete.rows(em, "purchase", "purchased_at < ?1", limit, cutoff);
    }

    /** Whether money records of the account must still be kept. */
    public boolean hasPurchases(long accountId) {
        return em.createQuery("select count(p) from Purchase p where p.account.id = :accountId", Long.class)
                .setParameter("accountId", accountId)
                .getSingleResult() > 0;
    }
}
