package org.switchboard.persistence.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Digest credentials, one per account. */
@ApplicationScoped
public class SipCredentialRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected SipCredentialRepository() {
        // for CDI
    }

    public SipCredentialRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<SipCredential> findByAccount(long accountId) {
        return em.createQuery("select c from SipCredential c where c.account.id = :accountId", SipCredential.class)
                .setParameter("accountId", accountId)
                .getResultStream()
                .findFirst();
    }

    public SipCredential save(SipCredential credential) {
        if (credential.getId() == null) {
            em.persist(credential);
            return credential;
        }
        return em.merge(credential);
    }

    /** Account deletion: the digest hashes go with the account. */
    public int deleteForAccount(long accountId) {
        return em.createQuery("delete from SipCredential c where c.account.id = :accountId")
                .setParameter("accountId", accountId)
                .executeUpdate();
    }
}
