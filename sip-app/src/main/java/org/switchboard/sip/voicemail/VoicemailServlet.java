package org.switchboard.sip.voicemail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ListeningPoint;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.application.voicemail.NewVoicemail;
import org.switchboard.application.voicemail.VoicemailOffException;
import org.switchboard.application.voicemail.VoicemailService;
import org.switchboard.sip.config.SipSettings;
import org.switchboard.sip.domain.LocalDomain;
import org.switchboard.sip.engine.SipEngine;
import org.switchboard.sip.engine.SipTimers;
import org.switchboard.sip.event.SipEvents;
import org.switchboard.sip.media.MediaChoice;
import org.switchboard.sip.media.MediaOutcome;
import org.switchboard.sip.media.Prompt;
import org.switchboard.sip.media.Recording;
import org.switchboard.sip.media.RecordingLimits;
import org.switchboard.sip.media.RtpPortAllocator;
import org.switchboard.sip.media.RtpPorts;
import org.switchboard.sip.media.SdpAnswer;
import org.switchboard.sip.media.SdpOffer;
import org.switchboard.sip.media.VoicemailMedia;
import org.switchboard.sip.servlet.OwnDialog;
import org.switchboard.sip.servlet.SipMethods;
import org.switchboard.sip.servlet.SipRequest;
import org.switchboard.sip.servlet.SipResponse;
import org.switchboard.sip.servlet.SipServlet;

/**
 * The voicemail: a SIP user agent of ours that answers the calls the proxy diverts to a
 * {@link VoicemailTarget} address (and only those: the request must come from this server itself).
 * It answers the INVITE at once with SDP ({@link SdpAnswer}: G.711 on a port pair of the RTP range),
 * plays the greeting and tone and records ({@link VoicemailMedia}, on threads of its own, not the
 * SIP executor's: a recording holds them for minutes; at most {@code max-recordings} at once, 503
 * beyond), and when the media ends hangs up itself
 * (silence, maximum length) unless the caller did, then hands the recording to
 * {@link VoicemailService#deposit} (stored and/or mailed as the callee chose). Its BYE goes along the
 * call's route set, through the proxy, so the CDR sees the end; the recording's length is reported
 * to the observers (the CDR's duration).
 *
 * <p>An INVITE without SDP (a late offer, RFC 3264 section 4 and RFC 3261 section 13.2.1) gets our
 * offer in the 200 ({@link SdpAnswer#offer}: PCMU, PCMA, telephone-event) and the media starts
 * with the caller's answer in the ACK; an ACK without a usable answer, or no ACK within 64*T1
 * (32 s, RFC 3261 section 13.3.1.4), ends the call with our BYE. An offer without PCMU or PCMA, or
 * SDP we cannot read, gets 488 with a Warning 305 (section 20.43).
 *
 * <p>Not yet: the 2xx is not retransmitted until the ACK (RFC 3261 section 13.3.1.4: the hop to
 * the proxy is this host).
 */
@ApplicationScoped
public class VoicemailServlet extends SipServlet {

    private static final Logger LOG = Logger.getLogger(VoicemailServlet.class.getName());

    @Inject
    LocalDomain local;

    @Inject
    SipSettings sipSettings;

    @Inject
    SwitchboardSettings settings;

    @Inject
    SipEvents events;

    @EJB
    SipEngine engine;

    @EJB
    VoicemailService voicemails;

    /** The default managed executor, for the short work after a recording (deposit). */
    @Resource
    ManagedExecutorService executor;

    /**
     * The media's threads: two of their own per recording (prompt, receiver), for minutes. Not a
     * pool's: the default executor's few threads would queue every recording after the first ones
     * until the caller has hung up (50 at once kept 6, bench/voicemail); how many run at once is
     * bounded by {@code switchboard.voicemail.max-recordings} instead.
     */
    @Resource
    ManagedThreadFactory threads;

    /** For the late offer's wait for the ACK. */
    @Inject
    SipTimers timers;

    /** How long a late offer waits for the ACK with the answer: 64*T1 (RFC 3261 section 13.3.1.4). */
    static final long ACK_WAIT_SECONDS = 32;

    static final String INCOMPATIBLE = "G.711 (PCMU or PCMA) only";

    private RtpPortAllocator ports;
    private Prompt prompt;
    private final Map<String, VoicemailCall> calls = new ConcurrentHashMap<>();
    /** Calls answered with our offer (INVITE without SDP) whose ACK with the answer has not come. */
    private final Map<String, LateOffer> awaitingAnswer = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        ports = new RtpPortAllocator(settings.voicemailRtpPortMin(), settings.voicemailRtpPortMax());
        prompt = Prompt.greetingAndTone();
    }

    @Override
    public Set<String> methods() {
        return Set.of(SipMethods.INVITE, SipMethods.ACK, SipMethods.BYE, SipMethods.CANCEL, SipMethods.INFO,
                SipMethods.UPDATE);
    }

    /** Before the proxy (500): the proxy forwards the voicemail's requests here, to this server. */
    @Override
    public int routingOrder() {
        return 400;
    }

    /**
     * Requests for a voicemail address that this server sent itself (the proxy forwarding); the
     * caller's own, which carry our Route, go to the proxy first.
     */
    @Override
    public boolean accepts(SipRequest request) {
        URI target = request.getRequestURI();
        return VoicemailTarget.is(target) && local.isThisServer(target) && request.getHeader("Route") == null
                && local.isOurHost(request.getRemoteAddr()) && request.getRemotePort() == sipSettings.sipPort();
    }

    /** Active recordings (for tests and logs). */
    public int activeCalls() {
        return calls.size();
    }

    @Override
    protected void doInvite(SipRequest request) {
        Request message = request.unwrap();
        if (((ToHeader) message.getHeader(ToHeader.NAME)).getTag() != null) {
            reInvite(request);
            return;
        }
        long accountId = VoicemailTarget.accountId(request.getRequestURI()).orElseThrow();
        byte[] body = message.getRawContent();
        boolean lateOffer = body == null || body.length == 0;
        Optional<SdpOffer> offer = lateOffer ? Optional.empty() : readSdp(body, request.getCallId());
        Optional<MediaChoice> choice = offer.flatMap(SdpOffer::choose);
        if (!lateOffer && choice.isEmpty()) {
            refuseMedia(request);
            return;
        }
        if (calls.size() + awaitingAnswer.size() >= settings.voicemailMaxRecordings()) {
            // About the limit: calls answered on other SIP threads at this moment may pass it by a few.
            LOG.warning(() -> "voicemail: " + settings.voicemailMaxRecordings() + " recordings at once, " + request.getCallId()
                    + " gets 503");
            request.createResponse(503, "Voicemail busy").setHeader("Retry-After", "30").send();
            return;
        }
        RtpPorts media;
        InetAddress address;
        try {
            address = InetAddress.getByName(sipSettings.sipBindAddress());
            media = ports.allocate(address);
        } catch (UncheckedIOException | java.net.UnknownHostException e) {
            LOG.warning(() -> "voicemail: no RTP port free for " + request.getCallId() + ": " + e.getMessage());
            request.createResponse(503).setHeader("Retry-After", "5").send();
            return;
        }
        try {
            if (lateOffer) {
                offer(request, accountId, media, address);
            } else {
                answer(request, accountId, offer.get(), choice.get(), media, address);
            }
        } catch (RuntimeException | java.text.ParseException e) {
            media.close();
            throw new IllegalStateException("voicemail could not answer " + request.getCallId(), e);
        }
    }

    private static Optional<SdpOffer> readSdp(byte[] body, String callId) {
        try {
            return Optional.of(SdpOffer.parse(new String(body, StandardCharsets.UTF_8)));
        } catch (RuntimeException malformed) {
            LOG.log(Level.FINE, "unreadable SDP in " + callId, malformed);
            return Optional.empty();
        }
    }

    /** 488 with the reason as a Warning (RFC 3261 section 20.43, code 305: incompatible media format). */
    private void refuseMedia(SipRequest request) {
        request.createResponse(488, "Not Acceptable Here: " + INCOMPATIBLE)
                .setHeader("Warning", "305 " + local.domain() + " \"Incompatible media format: " + INCOMPATIBLE + "\"").send();
    }

    private void answer(SipRequest request, long accountId, SdpOffer offer, MediaChoice choice, RtpPorts media,
            InetAddress address) throws java.text.ParseException {
        String sdp = SdpAnswer.answer(offer, choice, address, media.rtpPort(), ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2));
        SipResponse ok = okWithSdp(request, sdp);
        String localTag = ((ToHeader) ok.unwrap().getHeader(ToHeader.NAME)).getTag();
        VoicemailCall call = new VoicemailCall(accountId, request.getFrom().getURI().toString(), Instant.now(),
                OwnDialog.answered(request, localTag), sdp, new VoicemailMedia(media, choice, RecordingLimits.from(settings), prompt));
        calls.put(request.getCallId(), call);
        ok.send();
        record(call);
    }

    /** A late offer: our offer in the 200; the media waits for the answer in the ACK ({@link #doAck}). */
    private void offer(SipRequest request, long accountId, RtpPorts media, InetAddress address) throws java.text.ParseException {
        String sdp = SdpAnswer.offer(address, media.rtpPort(), ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2));
        SipResponse ok = okWithSdp(request, sdp);
        String localTag = ((ToHeader) ok.unwrap().getHeader(ToHeader.NAME)).getTag();
        LateOffer pending = new LateOffer(accountId, request.getFrom().getURI().toString(), Instant.now(),
                OwnDialog.answered(request, localTag), sdp, media);
        pending.noAck = timers.schedule(() -> noAck(pending), ACK_WAIT_SECONDS, TimeUnit.SECONDS);
        awaitingAnswer.put(request.getCallId(), pending);
        try {
            ok.send();
        } catch (RuntimeException e) {
            awaitingAnswer.remove(request.getCallId(), pending);
            pending.noAck.cancel(false);
            throw e;
        }
    }

    private SipResponse okWithSdp(SipRequest request, String sdp) throws java.text.ParseException {
        SipResponse ok = request.createResponse(200);
        ok.setHeader(contact(request));
        copyRecordRoutes(request, ok);
        ok.unwrap().setContent(sdp, request.factories().headers().createContentTypeHeader("application", "sdp"));
        return ok;
    }

    private void record(VoicemailCall call) {
        call.media().start(task -> threads.newThread(task).start()).whenComplete((outcome, failure) -> executor.execute(() -> finished(call, outcome)));
    }

    /** Our Contact: the same voicemail address, so the caller's in-dialog requests come back here. */
    private static ContactHeader contact(SipRequest request) throws java.text.ParseException {
        return request.factories().headers().createContactHeader(
                request.factories().addresses().createAddress((URI) request.getRequestURI().clone()));
    }

    /** A 2xx to a dialog-making INVITE carries its Record-Routes (RFC 3261 section 12.1.1). */
    private static void copyRecordRoutes(SipRequest request, SipResponse ok) {
        if (ok.unwrap().getHeader("Record-Route") != null) {
            return;
        }
        request.getHeaders("Record-Route").forEach(header -> ok.unwrap().addHeader((javax.sip.header.Header) header.clone()));
    }

    /** A re-INVITE (session refresh, hold): the same answer again; the media is not moved. */
    private void reInvite(SipRequest request) {
        VoicemailCall call = calls.get(request.getCallId());
        if (call == null) {
            request.respond(481);
            return;
        }
        try {
            SipResponse ok = request.createResponse(200);
            ok.setHeader(contact(request));
            ok.unwrap().setContent(call.answerSdp(), request.factories().headers().createContentTypeHeader("application", "sdp"));
            ok.send();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * With an answer to our offer in the 200 (late offer) the media starts now, with the codec the
     * answer chose; an ACK without one we can use ends the call (RFC 3261 section 13.3.1.4: the UAS
     * hangs up with BYE). Otherwise the media started with our 200.
     */
    @Override
    protected void doAck(SipRequest request) {
        LateOffer pending = awaitingAnswer.remove(request.getCallId());
        if (pending == null) {
            return;
        }
        byte[] body = request.unwrap().getRawContent();
        Optional<MediaChoice> choice = body == null || body.length == 0 ? Optional.empty()
                : readSdp(body, request.getCallId()).flatMap(SdpOffer::choose);
        if (choice.isEmpty()) {
            LOG.info(() -> "voicemail: the ACK of " + request.getCallId() + " has no usable answer to our offer: hanging up");
            endWithoutMedia(pending, true);
            return;
        }
        pending.noAck.cancel(false);
        VoicemailCall call = new VoicemailCall(pending.accountId, pending.callerUri, pending.answeredAt, pending.dialog,
                pending.offerSdp, new VoicemailMedia(pending.media, choice.get(), RecordingLimits.from(settings), prompt));
        calls.put(request.getCallId(), call);
        record(call);
    }

    /** No ACK came for our offer: the ports go back and the call is ended. */
    private void noAck(LateOffer pending) {
        if (awaitingAnswer.remove(pending.dialog.callId(), pending)) {
            LOG.info(() -> "voicemail: no ACK for " + pending.dialog.callId() + " within " + ACK_WAIT_SECONDS + " s: hanging up");
            endWithoutMedia(pending, true);
        }
    }

    /** A late offer's call ends before any media: the ports go back, the CDR hears of no recording, our BYE if asked. */
    private void endWithoutMedia(LateOffer pending, boolean hangUp) {
        pending.noAck.cancel(false);
        pending.media.close();
        events.voicemailRecorded(pending.dialog.callId(), Duration.ZERO);
        if (hangUp) {
            hangUp(pending.dialog);
        }
    }

    /** The caller hung up: 200, and the recording ends now. */
    @Override
    protected void doBye(SipRequest request) {
        VoicemailCall call = calls.get(request.getCallId());
        if (call == null) {
            LateOffer pending = awaitingAnswer.remove(request.getCallId());
            if (pending != null) { // hung up before its ACK: nothing was recorded
                endWithoutMedia(pending, false);
            }
            request.respond(pending != null ? 200 : 481);
            return;
        }
        request.respond(200);
        call.media().hangUp();
    }

    /** We answer at once: a CANCEL can only come after our 200, and changes nothing (RFC 3261 section 9.2). */
    @Override
    protected void doCancel(SipRequest request) {
        request.respond(known(request.getCallId()) ? 200 : 481);
    }

    /** DTMF by INFO and UPDATEs are accepted and ignored. */
    @Override
    protected void doInfo(SipRequest request) {
        request.respond(known(request.getCallId()) ? 200 : 481);
    }

    @Override
    protected void doUpdate(SipRequest request) {
        request.respond(known(request.getCallId()) ? 200 : 481);
    }

    private boolean known(String callId) {
        return calls.containsKey(callId) || awaitingAnswer.containsKey(callId);
    }

    /** The media ended: our BYE unless the caller hung up, the length to the CDR, the recording to the service. */
    private void finished(VoicemailCall call, MediaOutcome outcome) {
        String callId = call.dialog().callId();
        calls.remove(callId, call);
        call.media().close();
        Optional<Recording> recording = outcome == null ? Optional.empty() : outcome.recording();
        events.voicemailRecorded(callId, recording.map(Recording::length).orElse(Duration.ZERO));
        if (outcome == null || outcome.reason() != MediaOutcome.Reason.CALLER_HUNG_UP) {
            hangUp(call.dialog());
        }
        recording.ifPresent(kept -> deposit(call, kept));
        LOG.fine(() -> "voicemail " + callId + " ended: " + (outcome == null ? "failed" : outcome.reason() + ", " + outcome.statistics()));
    }

    private void hangUp(OwnDialog dialog) {
        try {
            ListeningPoint udp = engine.listeningPoint(ListeningPoint.UDP);
            Request bye = dialog.request(Request.BYE, engine.factories(), udp);
            dialog.send(bye, engine.provider("IPv4"), udp, events);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "voicemail could not hang up " + dialog.callId(), e);
        }
    }

    private void deposit(VoicemailCall call, Recording recording) {
        try {
            voicemails.deposit(new NewVoicemail(call.accountId(), call.callerUri(), call.answeredAt(), recording.length(),
                    recording.wav()));
        } catch (VoicemailOffException off) {
            LOG.info(() -> "voicemail of account " + call.accountId() + " was turned off during call " + call.dialog().callId()
                    + ": the recording is dropped");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "voicemail of call " + call.dialog().callId() + " could not be kept", e);
        }
    }
}
