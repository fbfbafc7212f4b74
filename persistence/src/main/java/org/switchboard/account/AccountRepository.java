package org.switchboard.account;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Accounts. Callers own the transaction (EJBs in the server, the test in unit tests). */
@ApplicationScoped
public class AccountRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected AccountRepository() {
        // for CDI
    }

    public AccountRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Account> findById(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /** Looks up the address-of-record the registrar authenticates; the pair is unique. */
    public Optional<Account> findBySipUser(String sipUser, String sipDomain) {
        return em.createQuery("select a from Account a where a.sipUser = :user and a.sipDomain = :domain", Account.class)
                .setParameter("user", sipUser)
                .setParameter("domain", sipDomain)
                .getResultStream()
                .findFirst();
    }

    /** A page of all accounts for the admin console, in a stable order (domain, user, id). */
    public List<Account> findAll(int first, int max) {
        return em.createQuery("select a from Account a order by a.sipDomain, a.sipUser, a.id", Account.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count() {
        return em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
    }

    public long countByStatus(AccountStatus status) {
        return em.createQuery("select count(a) from Account a where a.status = :status", Long.class)
                .setParameter("status", status)
                .getSingleResult();
    }

    /** Persists a new account or merges a detached one; returns the managed instance. */
    public Account save(Account account) {
        if (account.getId() == null) {
            em.persist(account);
            return account;
        }
        return em.merge(account);
    }
}
