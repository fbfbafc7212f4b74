package org.switchboard.persistence.account;

import java.util.Collection;
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

    /** Whether {@code sipUser@sipDomain} has an account: a scalar query, no entity is loaded or managed. */
    public boolean existsBySipUser(String sipUser, String sipDomain) {
        return !em.createQuery("select a.id from Account a where a.sipUser = :user and a.sipDomain = :domain", Long.class)
                .setParameter("user", sipUser)
                .setParameter("domain", sipDomain)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** A page of all accounts for the admin console, in a stable order (domain, user, id). */
    public List<Account> findAll(int first, int max) {
        return em.createQuery("select a from Account a order by a.sipDomain, a.sipUser, a.id", Account.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Account search for support staff, paged in the database: the text is matched (case-insensitive,
     * anywhere) against the SIP user, email and display name; an address also finds the accounts whose
     * calls came from or went to it, as the CDRs' signalling address ("ip:port" or "[v6]:port") records it.
     */
    public List<Account> search(String text, int first, int max) {
        return searchQuery("select a", text, " order by a.sipDomain, a.sipUser, a.id", Account.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /** Total for the same search, for the pager. */
    public long countSearch(String text) {
        return searchQuery("select count(a)", text, "", Long.class).getSingleResult();
    }

    private <T> jakarta.persistence.TypedQuery<T> searchQuery(String select, String text, String orderBy, Class<T> type) {
        String q = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String address = q.replace("[", "").replace("]", "");
        return em.createQuery(select + " from Account a where lower(a.sipUser) like :like escape '\\'"
                        + " or lower(a.email) like :like escape '\\' or lower(a.displayName) like :like escape '\\'"
                        + " or exists (select c.id from CallDetailRecord c where"
                        + " (c.callerAccount = a and (c.callerSignalingAddress = :ip or c.callerSignalingAddress like :ipPort))"
                        + " or (c.calleeAccount = a and (c.calleeSignalingAddress = :ip or c.calleeSignalingAddress like :ipPort)))"
                        + orderBy, type)
                .setParameter("like", like)
                .setParameter("ip", address)
                .setParameter("ipPort", address.contains(":") ? "[" + address + "]:%" : address + ":%");
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

    /**
     * Closed accounts whose erasure is DONE and whose money records have all been purged: nothing is
     * left to keep, so the row itself can go (with {@link DeletionRequestRepository#deleteForAccounts}).
     */
    public List<Long> erasedWithoutMoneyRecords(int limit) {
        return em.createQuery("select a.id from Account a where a.status = :closed"
                        + " and exists (select r from DeletionRequest r where r.account = a and r.state = :done)"
                        + " and not exists (select r from DeletionRequest r where r.account = a and r.state <> :done)"
                        + " and not exists (select p from Purchase p where p.account = a)"
                        + " order by a.id", Long.class)
                .setParameter("closed", AccountStatus.CLOSED)
                .setParameter("done", DeletionState.DONE)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Deletes account rows; everything referencing them must be gone already. */
    public int deleteByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from Account a where a.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
