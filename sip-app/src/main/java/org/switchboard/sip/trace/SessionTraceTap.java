package org.switchboard.sip.trace;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.sip.servlet.MessageTap;
import org.switchboard.persistence.trace.TraceDirection;
import org.switchboard.application.trace.TraceEvent;
import org.switchboard.application.trace.TracePolicy;
import org.switchboard.application.trace.TraceRecorder;

/**
 * Turns every message the engine receives or sends into a {@link TraceEvent} for the {@link
 * TraceRecorder}. The policy check comes first so that REGISTER, OPTIONS, MESSAGE and the like are
 * not even encoded: they are never stored (data policy).
 */
@ApplicationScoped
public class SessionTraceTap implements MessageTap {

    private static final Logger LOG = Logger.getLogger(SessionTraceTap.class.getName());

    @EJB
    TraceRecorder recorder;

    @Inject
    SwitchboardSettings settings;

    @Override
    public void received(Message message, String transport, String sourceIp, int sourcePort, String localIp, int localPort) {
        record(message, TraceDirection.IN, transport, sourceIp, sourcePort, localIp, localPort);
    }

    @Override
    public void sent(Message message, String transport, String localIp, int localPort, String destinationIp, int destinationPort) {
        record(message, TraceDirection.OUT, transport, localIp, localPort, destinationIp, destinationPort);
    }

    private void record(Message message, TraceDirection direction, String transport, String sourceIp, int sourcePort,
            String destinationIp, int destinationPort) {
        try {
            CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
            CallIdHeader callId = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
            if (cseq == null || callId == null || !TracePolicy.keeps(cseq.getMethod())) {
                return;
            }
            String method = message instanceof Request request ? request.getMethod() : null;
            Integer status = message instanceof Response response ? response.getStatusCode() : null;
            FromHeader from = (FromHeader) message.getHeader(FromHeader.NAME);
            ToHeader to = (ToHeader) message.getHeader(ToHeader.NAME);
            recorder.record(new TraceEvent(callId.getCallId(), Instant.now(), direction,
                    transport == null ? "UDP" : transport.toUpperCase(Locale.ROOT), sourceIp, sourcePort,
                    destinationIp, destinationPort, method, status, cseq.getMethod(), message.toString(),
                    localUser(from == null ? null : from.getAddress().getURI()),
                    localUser(to == null ? null : to.getAddress().getURI())));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not trace a message", e);
        }
    }

    /** The user part when the URI is in our domain, else null (not one of our accounts). */
    private String localUser(URI uri) {
        if (uri instanceof SipURI sip && sip.getUser() != null && settings.sipDomain().equalsIgnoreCase(sip.getHost())) {
            return sip.getUser();
        }
        return null;
    }
}
