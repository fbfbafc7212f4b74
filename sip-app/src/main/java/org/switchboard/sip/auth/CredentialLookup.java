package org.switchboard.sip.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Consumer;
import org.switchboard.application.account.DigestCredentialService;
import org.switchboard.persistence.account.DigestCredentials;

/**
 * Reads an account's digest credentials (through {@link CredentialCache}) from the ejb module's
 * {@link DigestCredentialService}, whose one plain-JDBC statement lives in persistence
 * ({@code DigestCredentialQuery}), and turns them into the cache's {@link DigestAccount}.
 */
@ApplicationScoped
public class CredentialLookup {

    @Inject
    DigestCredentialService credentials;

    public Optional<DigestAccount> find(String user, String domain) {
        return credentials.find(user, domain).map(CredentialLookup::account);
    }

    /** Up to {@code limit} active accounts of {@code domain}, each handed to {@code each}; returns how many. */
    public int forEachActive(String domain, int limit, Consumer<DigestAccount> each) {
        return credentials.forEachActive(domain, limit, c -> each.accept(account(c)));
    }

    private static DigestAccount account(DigestCredentials c) {
        return new DigestAccount(c.accountId(), c.sipUser(), c.sipDomain(), c.status(), c.ha1Md5(), c.ha1Sha256());
    }
}
