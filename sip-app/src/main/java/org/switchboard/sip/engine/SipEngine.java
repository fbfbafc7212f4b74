package org.switchboard.sip.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import org.switchboard.sip.auth.CredentialCache;
import java.util.logging.Logger;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.sip.config.SipSettings;
import org.switchboard.sip.event.SipEvents;
import org.switchboard.sip.event.StackMessageEvents;
import org.switchboard.sip.security.AbuseGuard;
import org.switchboard.sip.servlet.SipFactories;
import org.switchboard.sip.servlet.SipResponseHandler;
import org.switchboard.sip.servlet.SipRouter;
import org.switchboard.sip.stack.PacketGate;
import org.switchboard.sip.stack.StackMessages;

/**
 * The SIP engine: runs the JAIN-SIP reference implementation for as long as the application is
 * deployed. It listens on the configured addresses (IPv4, and IPv6 when the host has it) over UDP
 * and TCP, and over TLS when a keystore is configured, and passes every request to {@link
 * RequestDispatcher}, which runs the {@link SipRouter} on the managed executor
 * {@code java:jboss/ee/concurrency/executor/sip}.
 *
 * <p>API for other features (stable): {@link #factories()} to build messages, {@link
 * #provider(String)} to send requests and open client transactions (e.g. the proxy), {@link
 * #listeningPoint(String)} for the address to put in Via and Record-Route. Requests come in
 * through {@link org.switchboard.sip.servlet.SipServlet} beans, responses to requests we sent
 * through the {@link SipResponseHandler} bean. What comes in and goes out is reported to the
 * observers ({@link SipEvents}), the stack's message log included ({@link StackMessageEvents}).
 */
@Singleton
@Startup
// Cross-module names: the recorders stop after the engine, so they write what the last calls queued.
@DependsOn({"switchboard-ejb.jar#SchemaStartup", "switchboard-ejb.jar#TraceRecorder", "switchboard-ejb.jar#CdrRecorder"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Called for every SIP message: without this each call would begin and commit a JTA transaction.
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SipEngine {

    private static final Logger LOG = Logger.getLogger(SipEngine.class.getName());

    @Inject
    SwitchboardSettings serviceSettings;

    @Inject
    SipSettings settings;

    @Inject
    SipRouter router;

    @Inject
    @Any
    Instance<SipResponseHandler> responseHandlers;

    @Inject
    SipEvents events;

    /** Bans: asked for every packet by the stack's sockets (PacketGate) and for every request. */
    @Inject
    AbuseGuard guard;

    /** Filled before the ports open. */
    @Inject
    CredentialCache credentials;

    @Resource(lookup = "java:jboss/ee/concurrency/executor/sip")
    ManagedExecutorService executor;

    private SipStack stack;
    private SipFactories factories;
    private final List<SipProvider> providers = new ArrayList<>();
    private RequestDispatcher dispatcher;
    private final UdpQueues udpQueues = new UdpQueues();

    @PostConstruct
    void start() {
        boolean tls = StackProperties.tlsConfigured(settings);
        Properties properties = StackProperties.from(settings, tls);
        LOG.info(() -> "SIP abuse defence: " + guard.describe()); // reads and checks its settings now
        AbuseGuard direct = guard.unproxied();
        PacketGate.install(direct::admits); // before the first socket opens
        warmCredentials();
        SipFactory sipFactory = SipFactory.getInstance();
        sipFactory.setPathName("gov.nist");
        try {
            stack = sipFactory.createSipStack(properties);
            factories = new SipFactories(sipFactory.createAddressFactory(), sipFactory.createHeaderFactory(),
                    sipFactory.createMessageFactory());
            OverloadGate gate = new OverloadGate(settings.sipOverloadQueueDelay(), settings.sipOverloadInterval(),
                    events::behind, udpQueues::longestWaitMillis, System::nanoTime);
            dispatcher = new RequestDispatcher(router, executor, factories, settings.sipOverloadRetryAfter(),
                    settings.sipNewRequestLimit(), gate, this::responseHandler, events, direct);
            warmUp();
            List<String> addresses = new ArrayList<>(List.of(settings.sipBindAddress()));
            String v6 = settings.sipBindAddressV6();
            if (!v6.isEmpty()) {
                if (canBind(v6)) {
                    addresses.add(v6);
                } else {
                    LOG.info(() -> "SIP: no IPv6 address " + v6 + " on this host, listening on IPv4 only");
                }
            }
            List<String> listening = new ArrayList<>();
            for (String address : addresses) {
                providers.add(openProvider(address, tls, listening));
            }
            List<String> observers = events.observerNames(); // the observers exist before the first message
            StackMessages.install(new StackMessageEvents(events));
            stack.start();
            if (!tls) {
                LOG.info(() -> "SIP: no TLS keystore at " + settings.sipTlsKeystore() + ", TLS is off");
            }
            LOG.info(() -> "SIP engine listening on " + String.join(", ", listening) + " for domain " + serviceSettings.sipDomain()
                    + "; observers: " + observers);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the SIP engine could not start: " + e.getMessage(), e);
        }
    }

    private void warmUp() throws java.text.ParseException {
        if (settings.sipWarmUpMillis() > 0) {
            StackWarmUp.Done done = StackWarmUp.run(factories.messages(), factories.headers(), settings.sipWarmUpMillis(), 20_000);
            LOG.info(() -> "SIP: parser and encoder warmed up (" + done.rounds() + " rounds in " + done.millis() + " ms)");
        }
    }

    private void warmCredentials() {
        long started = System.nanoTime();
        try {
            int count = credentials.warmUp(serviceSettings.sipDomain());
            LOG.info(() -> "SIP: credentials of " + count + " active account(s) in memory ("
                    + (System.nanoTime() - started) / 1_000_000 + " ms)");
        } catch (RuntimeException e) {
            // Not fatal: each account is read on its first request instead.
            LOG.log(Level.WARNING, "SIP: could not load the accounts' credentials ahead; each is read when first needed", e);
        }
    }

    private SipProvider openProvider(String address, boolean tls, List<String> listening) throws Exception {
        List<ListeningPoint> points = new ArrayList<>();
        ListeningPoint udp = stack.createListeningPoint(address, settings.sipPort(), ListeningPoint.UDP);
        udpQueues.watch(udp);
        points.add(udp);
        points.add(stack.createListeningPoint(address, settings.sipPort(), ListeningPoint.TCP));
        if (tls) {
            points.add(stack.createListeningPoint(address, settings.sipTlsPort(), ListeningPoint.TLS));
        }
        SipProvider provider = stack.createSipProvider(points.get(0));
        for (ListeningPoint point : points.subList(1, points.size())) {
            provider.addListeningPoint(point);
        }
        provider.addSipListener(dispatcher);
        for (ListeningPoint point : points) {
            String host = point.getIPAddress().contains(":") ? "[" + point.getIPAddress() + "]" : point.getIPAddress();
            listening.add(point.getTransport() + " " + host + ":" + point.getPort());
        }
        return provider;
    }

    private static boolean canBind(String address) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0))) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Deletes providers and listening points and stops the stack, so a redeploy gets the ports back. */
    @PreDestroy
    void stop() {
        if (stack == null) {
            return;
        }
        for (SipProvider provider : providers) {
            try {
                if (dispatcher != null) {
                    provider.removeSipListener(dispatcher);
                }
                ListeningPoint[] points = provider.getListeningPoints();
                stack.deleteSipProvider(provider);
                for (ListeningPoint point : points) {
                    stack.deleteListeningPoint(point);
                }
            } catch (Exception e) {
                LOG.log(Level.WARNING, "SIP: could not close a provider cleanly", e);
            }
        }
        providers.clear();
        udpQueues.clear();
        StackMessages.uninstall();
        PacketGate.uninstall();
        stack.stop();
        stack = null;
        SipFactory.getInstance().resetFactory();
        LOG.info("SIP engine stopped");
    }

    /** The factories of the running stack. */
    public SipFactories factories() {
        return factories;
    }

    /**
     * The provider listening on the configured IPv4 address (its listening points cover UDP, TCP and
     * TLS), or on the IPv6 one when {@code ipFamily} is "IPv6" and the host has it.
     */
    public SipProvider provider(String ipFamily) {
        if ("IPv6".equalsIgnoreCase(ipFamily) && providers.size() > 1) {
            return providers.get(1);
        }
        return providers.get(0);
    }

    /** The IPv4 listening point of a transport (UDP, TCP, TLS), or null if it is not open. */
    public ListeningPoint listeningPoint(String transport) {
        return providers.isEmpty() ? null : providers.get(0).getListeningPoint(transport);
    }

    /** Requests answered 503 because the executor was full, since start. */
    public long overloadRejections() {
        return dispatcher == null ? 0 : dispatcher.rejectedCount();
    }

    private SipResponseHandler responseHandler() {
        return responseHandlers.isResolvable() ? responseHandlers.get() : null;
    }
}
