package org.switchboard.application.account;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.switchboard.persistence.account.Account;

/**
 * Makes a new SIP password, a blocked or closed account, or a new one count at once for the
 * registrar and the proxy, which keep credentials in memory for an hour
 * (switchboard.sip.auth.credential-cache-ms). The cache is the SIP engine's ({@link
 * CachedSipCredentials}, implemented in sip-app, which depends on this module and not the other way
 * round); without a SIP engine deployed there is nothing to forget.
 *
 * <p>The entry is forgotten at once and again when the transaction ends: a REGISTER between the two
 * reads the row as it was before the commit and would otherwise keep the old password or status
 * cached for the cache's whole lifetime.
 */
@ApplicationScoped
public class RegistrarCredentialCache {

    @Inject
    Instance<CachedSipCredentials> caches;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void forget(Account account) {
        String user = account.getSipUser();
        String domain = account.getSipDomain();
        forget(user, domain);
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forget(user, domain);
                }
            });
        }
    }

    private void forget(String user, String domain) {
        caches.forEach(cache -> cache.forget(user, domain));
    }
}
