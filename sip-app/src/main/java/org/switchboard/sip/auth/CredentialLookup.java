package org.switchboard.sip.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.switchboard.account.AccountStatus;

/**
 * Reads an account's digest credentials from the database (through {@link CredentialCache}).
 *
 * <p>One native query for account and credential together: under load the JPQL version spent
 * most of the SIP workers' time in Hibernate's query parser (the registrar's first load test).
 */
@Stateless
public class CredentialLookup {

    private static final String SQL = "select a.id, a.sip_user, a.sip_domain, a.status, c.ha1_md5, c.ha1_sha256"
            + " from account a join sip_credential c on c.account_id = a.id"
            + " where a.sip_user = ?1 and a.sip_domain = ?2";

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DigestAccount> find(String user, String domain) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL).setParameter(1, user).setParameter(2, domain).getResultList();
        return rows.stream().findFirst().map(r -> new DigestAccount(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], AccountStatus.valueOf((String) r[3]), (String) r[4], (String) r[5]));
    }
}
