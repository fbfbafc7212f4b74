package org.switchboard.sip.trace;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.function.Predicate;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.switchboard.application.trace.TraceEvent;
import org.switchboard.application.trace.TracePolicy;
import org.switchboard.application.trace.TraceRecorder;
import org.switchboard.persistence.trace.TraceDirection;
import org.switchboard.sip.domain.LocalDomain;
import org.switchboard.sip.event.SipMessageEvent;
import org.switchboard.sip.event.SipObserver;

/**
 * The session traces: an observer that turns every message received or sent into a {@link
 * TraceEvent} for the {@link TraceRecorder}, which queues it off the SIP path. The policy check
 * comes first so that REGISTER, OPTIONS, MESSAGE and the like are not even encoded: they are never
 * stored (data policy). The accounts concerned are the local users of From and To ({@link
 * LocalDomain}: our domain or our own address).
 */
@ApplicationScoped
public class SessionTraces implements SipObserver {

    @EJB
    TraceRecorder recorder;

    /** The recorder's queue, taken once: every traced message would otherwise pass its EJB view. */
    private volatile Predicate<TraceEvent> queue;

    @Inject
    LocalDomain local;

    private Predicate<TraceEvent> queue() {
        Predicate<TraceEvent> q = queue;
        if (q == null) {
            q = recorder.queue();
            queue = q;
        }
        return q;
    }

    @Override
    public void requestReceived(SipMessageEvent event) {
        record(event, TraceDirection.IN);
    }

    @Override
    public void responseReceived(SipMessageEvent event) {
        record(event, TraceDirection.IN);
    }

    @Override
    public void requestSent(SipMessageEvent event) {
        record(event, TraceDirection.OUT);
    }

    @Override
    public void responseSent(SipMessageEvent event) {
        record(event, TraceDirection.OUT);
    }

    private void record(SipMessageEvent event, TraceDirection direction) {
        Message message = event.message();
        CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
        CallIdHeader callId = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        if (cseq == null || callId == null || !TracePolicy.keeps(cseq.getMethod())) {
            return;
        }
        String method = message instanceof Request request ? request.getMethod() : null;
        Integer status = message instanceof Response response ? response.getStatusCode() : null;
        FromHeader from = (FromHeader) message.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) message.getHeader(ToHeader.NAME);
        queue().test(new TraceEvent(callId.getCallId(), event.time(), direction,
                event.transport() == null ? "UDP" : event.transport().toUpperCase(Locale.ROOT), event.sourceIp(),
                event.sourcePort(), event.destinationIp(), event.destinationPort(), method, status, cseq.getMethod(),
                message.toString(), localUser(from == null ? null : from.getAddress().getURI()),
                localUser(to == null ? null : to.getAddress().getURI())));
    }

    private String localUser(URI uri) {
        return uri == null ? null : local.localUser(uri).orElse(null);
    }

    @Override
    public boolean behind() {
        return recorder.behind();
    }
}
