package org.switchboard.billing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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
}
