package org.switchboard.sip.auth;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import org.switchboard.application.account.CachedSipCredentials;
import java.io.Serializable;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * Digest credentials by user, cached in the Infinispan cache {@code switchboard/credentials} so
 * that the SIP path rarely reads the database: every REGISTER needs them, usually twice (challenge,
 * then answer), and phones re-register all day.
 *
 * <p>Trade-off: entries live {@code switchboard.sip.auth.credential-cache-ms} (30 s by default,
 * the cache's expiration in switchboard.cli). For that long a changed password, a blocked account
 * or a new account is not seen by the registrar. Unknown users are cached too (as "none"), so a
 * flood of REGISTERs for made-up users does not turn into a flood of queries.
 */
@ApplicationScoped
public class CredentialCache implements CachedSipCredentials {

    /** A cached answer, "no such account" included. */
    record Entry(DigestAccount account) implements Serializable {
    }

    @Resource(lookup = "java:jboss/infinispan/cache/switchboard/credentials")
    ConcurrentMap<String, Entry> cache;

    @Inject
    CredentialLookup lookup;

    public Optional<DigestAccount> find(String user, String domain) {
        String key = user + "@" + domain;
        Entry entry = cache.get(key);
        if (entry == null) {
            entry = new Entry(lookup.find(user, domain).orElse(null));
            cache.put(key, entry);
        }
        return Optional.ofNullable(entry.account());
    }

    /** A password changed or the account was blocked in the portal or console: forget it now. */
    @Override
    public void forget(String user, String domain) {
        cache.remove(user + "@" + domain);
    }
}
