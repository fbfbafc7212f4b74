package org.switchboard.sip.cdr;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.ServerHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.switchboard.application.cdr.CallRecord;
import org.switchboard.application.cdr.CdrRecorder;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * The call attempts the proxy is handling, by Call-ID, and the CDR of each when it ends: a final
 * non-2xx (busy, no answer, cancelled, failed), a BYE from either side after a 2xx, or the
 * maximum call duration for calls whose BYE never comes. Only memory here; the {@link
 * CdrRecorder} writes to the database off the SIP path.
 */
@ApplicationScoped
public class CallRecords {

    private static final Logger LOG = Logger.getLogger(CallRecords.class.getName());

    @EJB
    CdrRecorder recorder;

    @Inject
    SwitchboardSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, CallAttempt> active = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> deadlines = new ConcurrentHashMap<>();

    /** An initial INVITE from a caller at {@code signaling} ("ip:port"): the attempt starts now. */
    public CallAttempt started(Request invite, String signaling) {
        String callId = ((javax.sip.header.CallIdHeader) invite.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId();
        URI from = ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI();
        URI to = ((ToHeader) invite.getHeader(ToHeader.NAME)).getAddress().getURI();
        CallAttempt attempt = new CallAttempt(callId, localUser(from), localUser(to), from.toString(), to.toString(),
                Instant.now(), signaling, SdpMedia.of(invite), userAgent(invite));
        active.put(callId, attempt);
        return attempt;
    }

    /** A 2xx from the callee at {@code signaling}: answered now; the call lasts until BYE. */
    public void answered(CallAttempt attempt, Response ok, String signaling) {
        if (attempt.answered(Instant.now(), signaling, SdpMedia.of(ok), userAgent(ok))) {
            long seconds = settings.cdrMaxCallDuration().toSeconds();
            deadlines.put(attempt.callId(), scheduler.schedule(() -> {
                LOG.info(() -> "call " + attempt.callId() + " still up after " + seconds + " s without BYE: closed");
                ended(attempt.callId());
            }, seconds, TimeUnit.SECONDS));
        }
    }

    /** A final non-2xx from the callee: where it came from still goes into the CDR. */
    public void calleeSeen(CallAttempt attempt, String signaling, Response response) {
        attempt.calleeSeen(signaling, userAgent(response));
    }

    /** A final non-2xx was sent to the caller: the attempt ends with that status. */
    public void failed(CallAttempt attempt, int status) {
        if (!attempt.isAnswered()) {
            write(attempt, attempt.finish(Instant.now(), status));
        }
    }

    /** A BYE of an answered call (either direction), or its maximum duration: the call ends now. */
    public void ended(String callId) {
        CallAttempt attempt = active.get(callId);
        if (attempt != null && attempt.isAnswered()) {
            write(attempt, attempt.finish(Instant.now(), 0));
        }
    }

    /** How many attempts are being followed (tests, admin console). */
    public int activeCount() {
        return active.size();
    }

    private void write(CallAttempt attempt, CallRecord record) {
        active.remove(attempt.callId(), attempt);
        ScheduledFuture<?> deadline = deadlines.remove(attempt.callId());
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (record != null && !recorder.record(record)) {
            LOG.warning(() -> "CDR queue full: the record of call " + record.callId() + " is lost");
        }
    }

    @PreDestroy
    void stop() {
        // Calls still up at shutdown end now, so their CDRs reach the recorder before it drains.
        active.keySet().forEach(this::ended);
    }

    private String localUser(URI uri) {
        if (uri instanceof SipURI sip && sip.getUser() != null && settings.sipDomain().equalsIgnoreCase(sip.getHost())) {
            return sip.getUser();
        }
        return null;
    }

    static String userAgent(Message message) {
        UserAgentHeader ua = (UserAgentHeader) message.getHeader(UserAgentHeader.NAME);
        if (ua != null) {
            return join(ua.getProduct());
        }
        ServerHeader server = (ServerHeader) message.getHeader(ServerHeader.NAME);
        return server == null ? null : join(server.getProduct());
    }

    private static String join(java.util.ListIterator<?> tokens) {
        StringBuilder text = new StringBuilder();
        while (tokens.hasNext()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(tokens.next());
        }
        return text.toString();
    }
}
