package org.switchboard.application.account;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentMap;
import org.switchboard.persistence.account.Account;

/**
 * The registrar's and proxy's credential cache (Infinispan {@code switchboard/credentials},
 * switchboard.cli), keyed {@code user@domain} by sip-app's CredentialCache. Forgetting an account's
 * entry makes a new SIP password, or a disabled account, count at once instead of after the
 * cache's lifespan (switchboard.sip.auth.credential-cache-ms).
 */
@ApplicationScoped
public class RegistrarCredentialCache {

    @Resource(lookup = "java:jboss/infinispan/cache/switchboard/credentials")
    ConcurrentMap<String, Object> cache;

    public void forget(Account account) {
        cache.remove(account.getSipUser() + "@" + account.getSipDomain());
    }
}
