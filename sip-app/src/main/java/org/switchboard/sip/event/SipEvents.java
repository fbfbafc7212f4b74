package org.switchboard.sip.event;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.address.URI;

/**
 * The one path from the SIP engine and proxy to every {@link SipObserver} bean: the engine, the
 * proxy and the stack's message log report here, and this hands each event to every observer in
 * turn. An observer that throws is logged (once at WARNING, then at FINE) and the SIP path goes on.
 * Typed to itself only, so it is not one of the observers it collects.
 */
@ApplicationScoped
@Typed(SipEvents.class)
public class SipEvents implements SipObserver {

    private static final Logger LOG = Logger.getLogger(SipEvents.class.getName());

    @Inject
    @Any
    Instance<SipObserver> discovered;

    private List<SipObserver> observers = List.of();
    private final Set<Class<?>> warned = ConcurrentHashMap.newKeySet();

    /** For CDI. */
    protected SipEvents() {
    }

    /** Reports to these observers (tests). */
    public static SipEvents of(List<SipObserver> observers) {
        SipEvents events = new SipEvents();
        events.observers = List.copyOf(observers);
        return events;
    }

    @PostConstruct
    void collect() {
        List<SipObserver> found = new ArrayList<>();
        discovered.forEach(found::add);
        observers = List.copyOf(found);
    }

    /** The observers' names, for the engine's start-up log (which also makes this bean before the first message). */
    public List<String> observerNames() {
        return observers.stream().map(o -> o.getClass().getSimpleName().replace("$Proxy$_$$_WeldClientProxy", "")).toList();
    }

    private void each(Consumer<SipObserver> event) {
        for (SipObserver observer : observers) {
            try {
                event.accept(observer);
            } catch (RuntimeException | LinkageError e) {
                Level level = warned.add(observer.getClass()) ? Level.WARNING : Level.FINE;
                LOG.log(level, "SIP observer " + observer.getClass().getName() + " failed (the call goes on)", e);
            }
        }
    }

    @Override
    public void requestReceived(SipMessageEvent event) {
        each(o -> o.requestReceived(event));
    }

    @Override
    public void requestSent(SipMessageEvent event) {
        each(o -> o.requestSent(event));
    }

    @Override
    public void responseReceived(SipMessageEvent event) {
        each(o -> o.responseReceived(event));
    }

    @Override
    public void responseSent(SipMessageEvent event) {
        each(o -> o.responseSent(event));
    }

    @Override
    public void callStarted(String callId, URI caller, URI callee, CallSide callerSide) {
        each(o -> o.callStarted(callId, caller, callee, callerSide));
    }

    @Override
    public void callAnswered(String callId, CallSide calleeSide) {
        each(o -> o.callAnswered(callId, calleeSide));
    }

    @Override
    public void calleeRefused(String callId, int status, CallSide calleeSide) {
        each(o -> o.calleeRefused(callId, status, calleeSide));
    }

    @Override
    public void callCancelled(String callId) {
        each(o -> o.callCancelled(callId));
    }

    @Override
    public void callFailed(String callId, int status) {
        each(o -> o.callFailed(callId, status));
    }

    @Override
    public void callEnded(String callId) {
        each(o -> o.callEnded(callId));
    }

    @Override
    public void contactRegistered(String user, String contactUri) {
        each(o -> o.contactRegistered(user, contactUri));
    }

    @Override
    public void callDiverted(String callId) {
        each(o -> o.callDiverted(callId));
    }

    @Override
    public void voicemailRecorded(String callId, java.time.Duration length) {
        each(o -> o.voicemailRecorded(callId, length));
    }

    /** Whether any observer is behind; one that throws counts as keeping up (it is logged as any other failure). */
    @Override
    public boolean behind() {
        boolean[] any = {false};
        each(o -> any[0] |= o.behind());
        return any[0];
    }
}
