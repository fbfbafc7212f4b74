package org.switchboard.sip.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import javax.sip.ListeningPoint;
import javax.sip.address.URI;
import org.switchboard.sip.domain.LocalDomain;
import org.switchboard.sip.voicemail.VoicemailPolicies;
import org.switchboard.sip.voicemail.VoicemailTarget;

/**
 * The proxy's voicemail rule (issue 10): a call to a local user whose voicemail answers goes to
 * the voicemail's address when no phone is registered (at once), when every phone answered busy
 * (486, 600) or declined (603), or when none answered within the callee's no-answer time (the
 * phones are cancelled first). The proxy knows only a SIP address to forward to; the voicemail is a
 * user agent of ours ({@code org.switchboard.sip.voicemail.VoicemailServlet}).
 */
@ApplicationScoped
public class VoicemailDiversion {

    /** Where a callee's unanswered calls go, and after how long unanswered. */
    record Target(URI uri, Duration noAnswer) {
    }

    @Inject
    VoicemailPolicies policies;

    @Inject
    ProxyEngine engine;

    @Inject
    LocalDomain local;

    /** The voicemail of local user {@code user}, when it answers. */
    Optional<Target> forCallee(String user) {
        return policies.answering(user).map(callee -> new Target(
                VoicemailTarget.of(engine.factories().addresses(), engine.listeningPoint(ListeningPoint.UDP), user,
                        callee.accountId()),
                callee.noAnswer()));
    }

    /** Whether a request is for our voicemail (the proxy forwards it there, to itself, rather than absorb it). */
    boolean isVoicemail(URI requestUri) {
        return VoicemailTarget.is(requestUri) && local.isThisServer(requestUri);
    }

    /** Busy (486, 600) or declined (603): the answers that send a call to voicemail. */
    static boolean busyOrDeclined(int status) {
        return status == 486 || status == 600 || status == 603;
    }
}
