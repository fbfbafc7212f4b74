package org.switchboard.sip.engine;

import java.util.Properties;
import org.switchboard.sip.stack.GatedNetworkLayer;
import org.switchboard.sip.config.SipSettings;

/** The JAIN-SIP stack's configuration, derived from the settings in switchboard.properties. */
final class StackProperties {

    /**
     * Upper bound of live server transactions. Over UDP a non-INVITE transaction lingers 32 s
     * (Timer J) after its answer, so 2,000 REGISTER/s with challenges keep about 130,000 alive;
     * above this bound the stack starts dropping new requests (clients retransmit) instead of
     * growing without limit.
     */
    static final int MAX_SERVER_TRANSACTIONS = 200_000;

    private StackProperties() {
    }

    static Properties from(SipSettings settings, boolean withTls) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "switchboard");
        // The registrar and proxy keep their own state; the stack must not build dialogs for them.
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // Our router: RFC 3261 routing, plus explicit next hops for phones behind NAT.
        p.setProperty("javax.sip.ROUTER_PATH", "org.switchboard.sip.stack.NextHopRouter");
        p.setProperty("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
        // Our sockets: datagrams and connections of banned addresses are dropped before the stack reads them.
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", "org.switchboard.sip.stack.GatedNetworkLayer");
        // Our JUL loggers (sip-app's "stack" jar, beside the stack in lib/): the defaults need log4j 1.x.
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", "org.switchboard.sip.stack.JulStackLogger");
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", "org.switchboard.sip.stack.JulServerLogger");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        // A fixed pool of stack threads reads and parses; the listener only hands work to the
        // bounded executor, so it may be entered by several threads at once.
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(settings.sipStackThreads()));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", Integer.toString(MAX_SERVER_TRANSACTIONS));
        // A non-INVITE transaction whose answer could not be sent (e.g. its Via names an unreachable
        // TCP host) must not live for ever: 64 s is twice RFC 3261's 64*T1.
        p.setProperty("gov.nist.javax.sip.MAX_TX_LIFETIME_NON_INVITE", "64");
        // Huge or endless TCP messages are cut off instead of buffered.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(settings.sipMaxMessageSize()));
        // The stack's UDP queue is bounded only by age: datagrams waiting longer than this are
        // dropped (switchboard.properties says how to choose it).
        p.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", Integer.toString(settings.sipUdpQueueMaxAgeMillis()));
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "1000");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "1048576");
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", "1048576");
        // Responses with no transaction go to the listener without the stack's scan of every
        // client transaction (StrayResponseValve says why).
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", "org.switchboard.sip.stack.StrayResponseValve");
        // The stack's timers on a ScheduledThreadPoolExecutor instead of one java.util.Timer, whose
        // queue lock the SIP threads waited on at 300 calls/s, and which keeps cancelled timers in
        // its heap until they would have fired (Timer C: minutes).
        p.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", "gov.nist.javax.sip.stack.timers.ScheduledExecutorSipTimer");
        // A transaction that has answered keeps its request and last response as bytes, not as
        // parsed objects, for its remaining 32 s (Timer J; retransmissions are answered from the
        // bytes): at 200 calls/s the heap held 20,000 server and 15,000 client transactions.
        p.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Normal");
        // Stray responses (to transactions we never opened) go nowhere.
        p.setProperty("gov.nist.javax.sip.REJECT_STRAY_RESPONSES", "true");
        if (withTls) {
            // Read by our network layer (GatedNetworkLayer), not the stack: no javax.net.ssl.* keys,
            // which the stack would load itself, and could not from PEM files.
            p.setProperty(GatedNetworkLayer.KEYSTORE, settings.sipTlsKeystore().toString());
            p.setProperty(GatedNetworkLayer.KEYSTORE_PASSWORD, settings.sipTlsKeystorePassword());
            p.setProperty(GatedNetworkLayer.KEYSTORE_TYPE, settings.sipTlsKeystoreType());
            settings.sipTlsPemKey().ifPresent(key -> p.setProperty(GatedNetworkLayer.PEM_KEY, key.toString()));
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            // The stack's defaults (TLSv1, TLSv1.1, old CBC suites) are disabled in Java 17.
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.2,TLSv1.3");
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
                    "TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 "
                            + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_RSA_WITH_AES_128_GCM_SHA256");
        }
        return p;
    }

    static boolean tlsConfigured(SipSettings settings) {
        return settings.tlsKeyFiles().present();
    }
}
