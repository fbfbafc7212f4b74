package org.switchboard.sip.voicemail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.application.voicemail.CalleeVoicemail;
import org.switchboard.application.voicemail.VoicemailService;
import org.switchboard.application.voicemail.VoicemailSettingsChanged;
import org.switchboard.sip.cache.ExpiringCache;

/**
 * Whether a callee's voicemail answers, as the proxy asks it for every call to a local user. The
 * answer comes from the database ({@link VoicemailService#forCallee}) and is kept in memory for
 * {@code switchboard.voicemail.policy-cache-seconds}, so calls do not wait on the database: only the
 * first call to a user in that time reads it, on the SIP executor (never on the stack's own threads,
 * which keep receiving), as the credential and known-user lookups do. A change in the portal
 * ({@link VoicemailSettingsChanged}, after its commit) is seen at once; one made elsewhere (SQL,
 * another node) within the cache time.
 */
@ApplicationScoped
public class VoicemailPolicies {

    private static final Logger LOG = Logger.getLogger(VoicemailPolicies.class.getName());
    private static final int MAX_ENTRIES = 10_000;

    @Inject
    VoicemailService voicemail;

    @Inject
    SwitchboardSettings settings;

    private ExpiringCache<String, Optional<CalleeVoicemail>> cache;

    @PostConstruct
    void create() {
        long keep = settings.voicemailPolicyCache().toNanos();
        cache = new ExpiringCache<>(MAX_ENTRIES, callee -> keep);
    }

    /** The callee's voicemail when it answers their calls; empty for voicemail off or no such account. */
    public Optional<CalleeVoicemail> answering(String user) {
        Optional<CalleeVoicemail> callee;
        try {
            callee = cache.get(user, voicemail::forCallee);
        } catch (RuntimeException e) {
            // The database is unreachable: the caller gets the real outcome, and we ask again next time.
            LOG.log(Level.WARNING, "voicemail policy of " + user + " unreadable; the call is not diverted", e);
            return Optional.empty();
        }
        return callee.filter(CalleeVoicemail::answers);
    }

    void settingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) VoicemailSettingsChanged change) {
        cache.forgetIf(callee -> callee.map(c -> c.accountId() == change.accountId()).orElse(false));
    }
}
