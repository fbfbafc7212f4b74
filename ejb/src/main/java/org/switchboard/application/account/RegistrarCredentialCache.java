package org.switchboard.application.account;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.persistence.account.Account;

/**
 * Makes a new SIP password, or a disabled account, count at once for the registrar and the proxy,
 * instead of after their credential cache's lifespan (switchboard.sip.auth.credential-cache-ms).
 * The cache is the SIP engine's ({@link CachedSipCredentials}, implemented in sip-app, which
 * depends on this module and not the other way round); without a SIP engine deployed there is
 * nothing to forget.
 */
@ApplicationScoped
public class RegistrarCredentialCache {

    @Inject
    Instance<CachedSipCredentials> caches;

    public void forget(Account account) {
        caches.forEach(cache -> cache.forget(account.getSipUser(), account.getSipDomain()));
    }
}
