package org.switchboard.sip.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.application.config.ModuleSettings;
import org.switchboard.application.config.SettingsReader;

/**
 * The SIP engine's settings ({@code switchboard.sip.*} and the CDR's longest call), read once at
 * deployment from the system properties WildFly loads from switchboard.properties, the one place
 * where their defaults live. A missing or malformed value fails the deployment: {@code SipEngine}
 * starts with the application and reads these first, and the message names each bad key and the
 * form it expects. The SIP domain itself is the service's ({@code SwitchboardSettings.sipDomain()}).
 */
@ApplicationScoped
public class SipSettings extends ModuleSettings {

    private static final int MAX = Integer.MAX_VALUE;

    private int portOffset;
    private String sipBindAddress;
    private String sipBindAddressV6;
    private int sipPort;
    private int sipTlsPort;
    private Path sipTlsKeystore;
    private String sipTlsKeystorePassword;
    private String sipTlsKeystoreType;
    private Path sipTlsPemKey;
    private int sipStackThreads;
    private int sipMaxMessageSize;
    private int sipUdpQueueMaxAgeMillis;
    private int sipOverloadRetryAfter;
    private int sipWorkers;
    private int sipOverloadQueueDelayMillis;
    private int sipOverloadIntervalMillis;
    private int sipWarmUpMillis;
    private int sipQueueLength;
    private int registrarMinExpires;
    private int registrarMaxExpires;
    private int registrarDefaultExpires;
    private int registrarMaxContacts;
    private List<String> sipAuthAlgorithms;
    private Optional<Pattern> singleChallengeUserAgents;
    private Duration sipAuthNonceLifetime;
    private Duration sipAuthCredentialCache;
    private Duration sipAuthUnknownUserCache;
    private int sipAuthCredentialCacheMaxEntries;
    private boolean proxyForwardsToOtherDomains;
    private Duration proxyTimerC;
    private Duration cdrMaxCallDuration;


    /** Settings read and validated from {@code reader} (unit tests; the server uses the system properties). */
    public static SipSettings from(SettingsReader reader) {
        return readFrom(new SipSettings(), reader);
    }


    @Override
    protected void read(SettingsReader in) {
        // WildFly's own property, set only when the server is started with an offset.
        portOffset = in.optionalInteger("jboss.socket.binding.port-offset", 0, 65_535).orElse(0);

        sipBindAddress = in.nonEmpty("switchboard.sip.bind-address");
        sipBindAddressV6 = in.text("switchboard.sip.bind-address-v6");
        sipPort = in.port("switchboard.sip.port");
        sipTlsPort = in.port("switchboard.sip.tls.port");
        for (String key : List.of("switchboard.sip.port", "switchboard.sip.tls.port")) {
            int port = key.endsWith("tls.port") ? sipTlsPort : sipPort;
            if (port + portOffset > 65_535) {
                in.problem(key, "expected a port number that stays under 65536 with the port offset " + portOffset
                        + ", got " + port);
            }
        }
        sipTlsKeystore = in.path("switchboard.sip.tls.keystore");
        sipTlsKeystorePassword = in.nonEmpty("switchboard.sip.tls.keystore-password");
        sipTlsKeystoreType = in.nonEmpty("switchboard.sip.tls.keystore-type").toUpperCase(java.util.Locale.ROOT);
        if (!List.of("PKCS12", "JKS", "PEM").contains(sipTlsKeystoreType)) {
            in.problem("switchboard.sip.tls.keystore-type", "expected PKCS12, JKS or PEM, got '" + sipTlsKeystoreType + "'");
        }
        String pemKey = in.text("switchboard.sip.tls.pem-key").trim();
        sipTlsPemKey = pemKey.isEmpty() ? null : Path.of(pemKey);
        sipStackThreads = in.integer("switchboard.sip.stack-threads", 1, 1024);
        sipMaxMessageSize = in.integer("switchboard.sip.max-message-size", 1300, 16 * 1024 * 1024);
        sipUdpQueueMaxAgeMillis = in.integer("switchboard.sip.udp-queue-max-age-ms", 1, 600_000);
        sipOverloadRetryAfter = in.integer("switchboard.sip.overload.retry-after", 1, 86_400);
        sipOverloadQueueDelayMillis = in.integer("switchboard.sip.overload.queue-delay-ms", 1, 60_000);
        sipOverloadIntervalMillis = in.integer("switchboard.sip.overload.interval-ms", 1, 60_000);
        // Also the executor's size in switchboard.cli; read here for the dispatcher's shedding.
        sipWorkers = in.integer("switchboard.sip.workers", 1, 1024);
        sipQueueLength = in.integer("switchboard.sip.queue-length", 2, 1_000_000);
        sipWarmUpMillis = in.integer("switchboard.sip.warm-up-ms", 0, 60_000);

        registrarMinExpires = in.integer("switchboard.sip.registrar.min-expires", 1, MAX);
        registrarMaxExpires = in.integer("switchboard.sip.registrar.max-expires", 1, MAX);
        registrarDefaultExpires = in.integer("switchboard.sip.registrar.default-expires", 1, MAX);
        if (registrarMinExpires > registrarMaxExpires) {
            in.problem("switchboard.sip.registrar.min-expires", "expected at most max-expires (" + registrarMaxExpires
                    + "), got " + registrarMinExpires);
        } else if (registrarDefaultExpires < registrarMinExpires || registrarDefaultExpires > registrarMaxExpires) {
            in.problem("switchboard.sip.registrar.default-expires", "expected a value from min-expires to max-expires ("
                    + registrarMinExpires + "-" + registrarMaxExpires + "), got " + registrarDefaultExpires);
        }
        registrarMaxContacts = in.integer("switchboard.sip.registrar.max-contacts", 1, 1000);

        sipAuthAlgorithms = in.listOf("switchboard.sip.auth.algorithms", List.of("MD5", "SHA-256"));
        singleChallengeUserAgents = in.optionalRegex("switchboard.sip.auth.single-challenge-user-agents");
        sipAuthNonceLifetime = in.duration("switchboard.sip.auth.nonce-lifetime-ms", ChronoUnit.MILLIS, 1000, 86_400_000);
        sipAuthCredentialCache = in.duration("switchboard.sip.auth.credential-cache-ms", ChronoUnit.MILLIS, 1000, 86_400_000);
        sipAuthUnknownUserCache = in.duration("switchboard.sip.auth.unknown-user-cache-ms", ChronoUnit.MILLIS, 1000, 86_400_000);
        sipAuthCredentialCacheMaxEntries = in.integer("switchboard.sip.auth.credential-cache-max-entries", 100, 100_000_000);

        proxyForwardsToOtherDomains = in.bool("switchboard.sip.proxy.forward-to-other-domains");
        proxyTimerC = in.duration("switchboard.sip.proxy.timer-c-seconds", ChronoUnit.SECONDS, 1, 86_400);
        cdrMaxCallDuration = in.duration("switchboard.cdr.max-call-seconds", ChronoUnit.SECONDS, 1, MAX);
        in.check();
    }

    /** WildFly's port offset; the SIP ports follow it like every other port of the server. */
    public int portOffset() {
        return portOffset;
    }

    /** The IPv4 address the SIP listening points bind to. */
    public String sipBindAddress() {
        return sipBindAddress;
    }

    /** The IPv6 address to listen on as well, if the host has it; empty for none. */
    public String sipBindAddressV6() {
        return sipBindAddressV6;
    }

    /** UDP and TCP port, port offset included. */
    public int sipPort() {
        return sipPort + portOffset;
    }

    /** TLS port, port offset included. */
    public int sipTlsPort() {
        return sipTlsPort + portOffset;
    }

    /** The TLS keystore (PKCS12 by default); TLS stays off when the file does not exist. */
    public Path sipTlsKeystore() {
        return sipTlsKeystore;
    }

    /** With type PEM, the private key's own file; empty when it is in the certificate file. */
    public java.util.Optional<Path> sipTlsPemKey() {
        return java.util.Optional.ofNullable(sipTlsPemKey);
    }

    /** The certificate and key files, as the TLS layer reads (and re-reads) them. */
    public org.switchboard.sip.stack.TlsKeyFiles tlsKeyFiles() {
        return new org.switchboard.sip.stack.TlsKeyFiles(sipTlsKeystore, "PEM".equals(sipTlsKeystoreType) ? sipTlsPemKey : null,
                sipTlsKeystoreType, sipTlsKeystorePassword.toCharArray());
    }

    public String sipTlsKeystorePassword() {
        return sipTlsKeystorePassword;
    }

    public String sipTlsKeystoreType() {
        return sipTlsKeystoreType;
    }

    /** Threads of the SIP stack that read and parse; the work itself runs on the managed executor. */
    public int sipStackThreads() {
        return sipStackThreads;
    }

    /** Largest SIP message accepted over TCP/TLS, in bytes. */
    public int sipMaxMessageSize() {
        return sipMaxMessageSize;
    }

    /** How long (ms) a received UDP datagram may wait for a stack thread before it is dropped. */
    public int sipUdpQueueMaxAgeMillis() {
        return sipUdpQueueMaxAgeMillis;
    }

    /** Retry-After (seconds) of the 503 sent when the executor queue is full. */
    public int sipOverloadRetryAfter() {
        return sipOverloadRetryAfter;
    }

    /** The shortest wait, over an interval, in the stack's UDP queue or the SIP executor's, past which the server is late. */
    public java.time.Duration sipOverloadQueueDelay() {
        return java.time.Duration.ofMillis(sipOverloadQueueDelayMillis);
    }

    /** How long the overload verdict is gathered, and holds. */
    public java.time.Duration sipOverloadInterval() {
        return java.time.Duration.ofMillis(sipOverloadIntervalMillis);
    }

    /**
     * How many tasks may be queued or running on the SIP executor before new requests (ones that
     * open a transaction outside any dialog) get 503: the workers and half the queue. The other half
     * is kept for work already accepted (responses, ACK, CANCEL, BYE and other in-dialog requests),
     * so that an overload refuses new calls and registrations instead of failing the ones under way.
     */
    public int sipNewRequestLimit() {
        return sipWorkers + sipQueueLength / 2;
    }

    /** How long the parser and encoder are exercised before the ports open (0: not at all). */
    public int sipWarmUpMillis() {
        return sipWarmUpMillis;
    }

    public int registrarMinExpires() {
        return registrarMinExpires;
    }

    public int registrarMaxExpires() {
        return registrarMaxExpires;
    }

    public int registrarDefaultExpires() {
        return registrarDefaultExpires;
    }

    public int registrarMaxContacts() {
        return registrarMaxContacts;
    }

    /** Digest algorithms offered, most preferred first (e.g. SHA-256,MD5). */
    public List<String> sipAuthAlgorithms() {
        return sipAuthAlgorithms;
    }

    /**
     * User-Agents offered only the first algorithm: a regular expression matched at the start of
     * the User-Agent header, or empty for none.
     */
    public Optional<Pattern> sipAuthSingleChallengeUserAgents() {
        return singleChallengeUserAgents;
    }

    /** How long a digest nonce stays valid; after that the client gets stale=true. */
    public Duration sipAuthNonceLifetime() {
        return sipAuthNonceLifetime;
    }

    /** How long a known account's credentials stay in memory (every change through the services evicts them). */
    public Duration sipAuthCredentialCache() {
        return sipAuthCredentialCache;
    }

    /** How long "no such account" stays in memory. */
    public Duration sipAuthUnknownUserCache() {
        return sipAuthUnknownUserCache;
    }

    /** The most accounts (known or not) whose answer is kept in memory. */
    public int sipAuthCredentialCacheMaxEntries() {
        return sipAuthCredentialCacheMaxEntries;
    }

    /** Whether the proxy forwards our subscribers' requests for other domains (RFC 3263), else 403. */
    public boolean proxyForwardsToOtherDomains() {
        return proxyForwardsToOtherDomains;
    }

    /** Timer C (RFC 3261 section 16.6 step 11): how long an INVITE branch may ring. */
    public Duration proxyTimerC() {
        return proxyTimerC;
    }

    /** Calls still up after this long are closed as if a BYE had come (lost BYE). */
    public Duration cdrMaxCallDuration() {
        return cdrMaxCallDuration;
    }
}
