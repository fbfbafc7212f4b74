package org.switchboard.persistence.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Which demo accounts were seeded in this database (see {@link DemoSeed}). */
@ApplicationScoped
public class DemoSeedRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected DemoSeedRepository() {
        // for CDI
    }

    public DemoSeedRepository(EntityManager em) {
        this.em = em;
    }

    public boolean wasSeeded(String sipUser) {
        return em.find(DemoSeed.class, sipUser) != null;
    }

    public void save(DemoSeed seed) {
        em.persist(seed);
    }
}
