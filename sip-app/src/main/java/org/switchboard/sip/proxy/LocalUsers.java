package org.switchboard.sip.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.application.account.AccountService;

/**
 * Whether a SIP user has an account here, to tell "unknown user" (404) from "known but not
 * registered" (480). Answers are cached briefly (the credential cache setting) so a call to an
 * offline user does not cost a query every time.
 */
@ApplicationScoped
public class LocalUsers {

    private static final long CACHE_MILLIS = 30_000;

    @Inject
    AccountService accounts;

    private record Answer(boolean exists, long at) {
    }

    private final Map<String, Answer> cache = new ConcurrentHashMap<>();

    public boolean exists(String user) {
        long now = System.currentTimeMillis();
        Answer cached = cache.get(user);
        if (cached != null && now - cached.at() < CACHE_MILLIS) {
            return cached.exists();
        }
        boolean exists = accounts.hasAccount(user);
        if (cache.size() > 10_000) {
            cache.clear(); // bounded: a flood of random names cannot grow it without limit
        }
        cache.put(user, new Answer(exists, now));
        return exists;
    }
}
