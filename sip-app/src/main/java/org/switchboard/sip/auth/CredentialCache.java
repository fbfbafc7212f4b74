package org.switchboard.sip.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.switchboard.application.account.CachedSipCredentials;
import org.switchboard.sip.cache.ExpiringCache;
import org.switchboard.sip.config.SipSettings;

/**
 * Digest credentials by user, kept in memory so that the SIP path reads the database once per
 * account and lifetime, not once per REGISTER: every REGISTER needs them, usually twice (challenge,
 * then answer), and phones re-register all day. It is also the one answer to "is there such a
 * subscriber" on the SIP path (the proxy's 404 or 480).
 *
 * <p>A known account is kept for {@code switchboard.sip.auth.credential-cache-ms} (an hour by
 * default, a phone's registration interval) because every change the services make to one (new
 * password, blocked, closed, opened) is told to {@link #forget} after its commit. A change made
 * around the services (SQL by hand, another node: the cache is per node) is seen within that time.
 * "No such account" is kept only {@code switchboard.sip.auth.unknown-user-cache-ms}, so a flood of
 * REGISTERs for made-up users costs one query per name and that time, not one per request.
 */
@ApplicationScoped
public class CredentialCache implements CachedSipCredentials {

    @Inject
    CredentialLookup lookup;

    @Inject
    SipSettings settings;

    private ExpiringCache<String, Optional<DigestAccount>> cache;

    @PostConstruct
    void create() {
        long known = settings.sipAuthCredentialCache().toNanos();
        long unknown = settings.sipAuthUnknownUserCache().toNanos();
        cache = new ExpiringCache<>(settings.sipAuthCredentialCacheMaxEntries(),
                account -> account.isPresent() ? known : unknown);
    }

    /**
     * Loads the active accounts' credentials (as many as the cache holds) in one query, before the
     * engine opens its ports: after a restart every phone registers again within minutes, and each
     * would otherwise wait on the database once.
     *
     * @return how many were loaded
     */
    public int warmUp(String domain) {
        return lookup.forEachActive(domain, settings.sipAuthCredentialCacheMaxEntries(),
                account -> cache.put(key(account.user(), domain), Optional.of(account)));
    }

    public Optional<DigestAccount> find(String user, String domain) {
        return cache.get(key(user, domain), k -> lookup.find(user, domain));
    }

    /** Whether {@code user} has an account here (blocked and closed ones too). */
    public boolean exists(String user, String domain) {
        return find(user, domain).isPresent();
    }

    /** A password changed or the account was blocked in the portal or console: forget it now. */
    @Override
    public void forget(String user, String domain) {
        cache.forget(key(user, domain));
    }

    private static String key(String user, String domain) {
        return user + "@" + domain;
    }
}
