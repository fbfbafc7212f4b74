package org.switchboard.sip.cdr;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sip.address.URI;
import org.switchboard.application.cdr.CallRecord;
import org.switchboard.application.cdr.CdrRecorder;
import org.switchboard.sip.config.SipSettings;
import org.switchboard.sip.domain.LocalDomain;
import org.switchboard.sip.engine.SipTimers;
import org.switchboard.sip.event.CallSide;
import org.switchboard.sip.event.SipObserver;

/**
 * The CDRs: an observer that follows the call attempts the proxy reports, by Call-ID, and writes
 * the record of each when it ends: a final non-2xx (busy, no answer, cancelled, failed), a BYE from
 * either side after a 2xx, or the maximum call duration for calls whose BYE never comes. Only
 * memory here; the {@link CdrRecorder} writes to the database off the SIP path. Caller and callee
 * are accounts of ours when {@link LocalDomain} says their URI is (our domain or our own address).
 */
@ApplicationScoped
public class CallRecords implements SipObserver {

    private static final Logger LOG = Logger.getLogger(CallRecords.class.getName());

    @EJB
    CdrRecorder recorder;

    @Inject
    SipSettings settings;

    @Inject
    LocalDomain local;

    @Inject
    SipTimers timers;

    /** How long the record of a call voicemail answered waits after its BYE for the recording's length. */
    private static final long RECORDING_WAIT_SECONDS = 10;

    private final Map<String, CallAttempt> active = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> deadlines = new ConcurrentHashMap<>();

    @Override
    public void callStarted(String callId, URI caller, URI callee, CallSide callerSide) {
        active.put(callId, new CallAttempt(callId, local.localUser(caller).orElse(null), local.localUser(callee).orElse(null),
                caller.toString(), callee.toString(), Instant.now(), callerSide.signalingAddress(),
                SdpMedia.of(callerSide.sdp()), callerSide.userAgent()));
    }

    @Override
    public void callAnswered(String callId, CallSide calleeSide) {
        CallAttempt attempt = active.get(callId);
        if (attempt != null && attempt.answered(Instant.now(), calleeSide.signalingAddress(), SdpMedia.of(calleeSide.sdp()),
                calleeSide.userAgent())) {
            long seconds = settings.cdrMaxCallDuration().toSeconds();
            deadlines.put(callId, timers.schedule(() -> {
                LOG.info(() -> "call " + callId + " still up after " + seconds + " s without BYE: closed");
                callEnded(callId);
            }, seconds, TimeUnit.SECONDS));
        }
    }

    /** Where the callee's refusal came from still goes into the CDR (e.g. the busy phone). */
    @Override
    public void calleeRefused(String callId, int status, CallSide calleeSide) {
        CallAttempt attempt = active.get(callId);
        if (attempt != null) {
            attempt.calleeSeen(calleeSide.signalingAddress(), calleeSide.userAgent());
        }
    }

    @Override
    public void callCancelled(String callId) {
        CallAttempt attempt = active.get(callId);
        if (attempt != null) {
            attempt.cancelledByCaller();
        }
    }

    @Override
    public void callFailed(String callId, int status) {
        CallAttempt attempt = active.get(callId);
        if (attempt != null && !attempt.isAnswered()) {
            write(attempt, attempt.finish(Instant.now(), status));
        }
    }

    @Override
    public void callEnded(String callId) {
        CallAttempt attempt = active.get(callId);
        if (attempt == null || !attempt.isAnswered()) {
            return;
        }
        Instant now = Instant.now();
        if (attempt.endedAt(now)) {
            write(attempt, attempt.finish(now, 0));
            return;
        }
        // Answered by voicemail, whose recording length comes just after the BYE; not for ever.
        ScheduledFuture<?> previous = deadlines.put(callId, timers.schedule(
                () -> write(attempt, attempt.finish(now, 0)), RECORDING_WAIT_SECONDS, TimeUnit.SECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    @Override
    public void callDiverted(String callId) {
        CallAttempt attempt = active.get(callId);
        if (attempt != null) {
            attempt.divertedToVoicemail();
        }
    }

    /** The duration of a call voicemail answered is the recording's; written now if its BYE came already. */
    @Override
    public void voicemailRecorded(String callId, java.time.Duration length) {
        CallAttempt attempt = active.get(callId);
        if (attempt == null) {
            return;
        }
        Instant ended = attempt.recorded(length);
        if (ended != null) {
            write(attempt, attempt.finish(ended, 0));
        }
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

    /** Call attempts started and not yet ended (the admin dashboard's "calls in progress"). */
    public int activeCount() {
        return active.size();
    }

    @PreDestroy
    void stop() {
        // Calls still up at shutdown end now, so their CDRs reach the recorder before it drains.
        Instant now = Instant.now();
        active.values().stream().filter(CallAttempt::isAnswered).forEach(attempt -> write(attempt, attempt.finish(now, 0)));
    }
}
