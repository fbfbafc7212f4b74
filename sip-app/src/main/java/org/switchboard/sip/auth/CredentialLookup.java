package org.switchboard.sip.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import org.switchboard.account.AccountRepository;
import org.switchboard.account.SipCredentialRepository;

/** Reads an account's digest credentials from the database (through {@link CredentialCache}). */
@Stateless
public class CredentialLookup {

    @Inject
    AccountRepository accounts;

    @Inject
    SipCredentialRepository credentials;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<DigestAccount> find(String user, String domain) {
        return accounts.findBySipUser(user, domain).flatMap(account -> credentials.findByAccount(account.getId())
                .map(c -> new DigestAccount(account.getId(), account.getSipUser(), account.getSipDomain(),
                        account.getStatus(), c.getHa1Md5(), c.getHa1Sha256())));
    }
}
