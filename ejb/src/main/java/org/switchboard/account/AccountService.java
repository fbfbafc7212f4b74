package org.switchboard.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.switchboard.config.SwitchboardSettings;

/**
 * Local subscriber accounts. A login (the Keycloak username) names the SIP user of the same
 * name in the service's SIP domain; SIP passwords are turned into digest HA1 hashes here and
 * never stored or logged in clear.
 */
@Stateless
public class AccountService {

    @Inject
    AccountRepository accounts;

    @Inject
    SipCredentialRepository credentials;

    @Inject
    VoicemailSettingsRepository voicemailSettings;

    @Inject
    SwitchboardSettings settings;

    /** The account of the given login in the local domain, if it has one. */
    public Optional<AccountSummary> findByLogin(String login) {
        return accounts.findBySipUser(login, settings.sipDomain()).map(AccountSummary::of);
    }

    /**
     * Opens an account with its SIP credentials (HA1 for MD5 and SHA-256 over the local domain
     * as realm) and voicemail settings (on, sent by email, not kept on the server).
     *
     * @throws AccountExistsException if the SIP user is taken (the unique key backs this up under races)
     */
    public AccountSummary open(String sipUser, String displayName, String email, String sipPassword) {
        if (accounts.findBySipUser(sipUser, settings.sipDomain()).isPresent()) {
            throw new AccountExistsException("sip:" + sipUser + "@" + settings.sipDomain());
        }
        Instant now = Instant.now(Clock.systemUTC());
        Account account = accounts.save(new Account(sipUser, settings.sipDomain(), displayName, email, now));
        credentials.save(SipCredential.forPassword(account, sipPassword, now));
        voicemailSettings.save(new VoicemailSettings(account, true, true, false));
        return AccountSummary.of(account);
    }

    public Map<AccountStatus, Long> countByStatus() {
        Map<AccountStatus, Long> counts = new EnumMap<>(AccountStatus.class);
        for (AccountStatus status : AccountStatus.values()) {
            counts.put(status, accounts.countByStatus(status));
        }
        return counts;
    }
}
