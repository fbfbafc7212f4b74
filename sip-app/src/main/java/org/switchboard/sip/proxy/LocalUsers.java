package org.switchboard.sip.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.switchboard.application.account.AccountService;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.sip.auth.CredentialCache;
import org.switchboard.sip.cache.ExpiringCache;

/**
 * Whether a SIP user has an account here, to tell "unknown user" (404) from "known but not
 * registered" (480). A subscriber with SIP credentials is known from the {@link CredentialCache}
 * (no query); only an account without any yet (signed up, SIP password not set) or no account
 * costs a query, and that answer is kept 30 s so calls to an absent name do not cost one each.
 */
@ApplicationScoped
public class LocalUsers {

    private static final long KEEP_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Inject
    CredentialCache credentials;

    @Inject
    AccountService accounts;

    @Inject
    SwitchboardSettings settings;

    private final ExpiringCache<String, Boolean> withoutCredentials = new ExpiringCache<>(10_000, exists -> KEEP_NANOS);

    public boolean exists(String user) {
        return credentials.exists(user, settings.sipDomain()) || withoutCredentials.get(user, accounts::hasAccount);
    }
}
