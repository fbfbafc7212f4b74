package org.switchboard.application.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.application.batch.BatchSettings;

/**
 * The service's settings, read once at deployment from the system properties that WildFly loads
 * from wildfly-config/src/main/config/switchboard.properties, the one place where their defaults
 * live, and validated then: a missing or malformed value fails the deployment
 * ({@link SettingsCheck}) with a message naming each key and the form it expects. The getters only
 * return what was read.
 */
@ApplicationScoped
public class SwitchboardSettings {

    private static final int MAX = Integer.MAX_VALUE;

    private boolean demoMode;
    private String sipDomain;
    private Path dataDir;
    private int portOffset;
    private String sipBindAddress;
    private String sipBindAddressV6;
    private int sipPort;
    private int sipTlsPort;
    private Path sipTlsKeystore;
    private String sipTlsKeystorePassword;
    private String sipTlsKeystoreType;
    private int sipStackThreads;
    private int sipMaxMessageSize;
    private int sipUdpQueueMaxAgeMillis;
    private int sipOverloadRetryAfter;
    private int registrarMinExpires;
    private int registrarMaxExpires;
    private int registrarDefaultExpires;
    private int registrarMaxContacts;
    private List<String> sipAuthAlgorithms;
    private Optional<Pattern> singleChallengeUserAgents;
    private Duration sipAuthNonceLifetime;
    private boolean proxyForwardsToOtherDomains;
    private Duration proxyTimerC;
    private Duration cdrMaxCallDuration;
    private int retentionBatchSize;
    private Duration deletionGracePeriod;
    private String keycloakUrl;
    private String keycloakRealm;
    private String keycloakAdminClientId;
    private String keycloakAdminClientSecret;
    private BatchSettings traceBatches;
    private BatchSettings cdrBatches;
    private int voicemailRtpPortMin;
    private int voicemailRtpPortMax;
    private Duration voicemailSilenceTimeout;
    private Duration voicemailMaxLength;
    private Duration voicemailMinLength;
    private Duration voicemailMailPollInterval;
    private int voicemailMailBatchSize;
    private Duration voicemailMailRetryFirst;
    private Duration voicemailMailRetryMax;

    /** For CDI; the values come in {@link #load()}. */
    public SwitchboardSettings() {
    }

    /** Settings read and validated from {@code reader} (unit tests; the server uses the system properties). */
    public static SwitchboardSettings from(SettingsReader reader) {
        SwitchboardSettings settings = new SwitchboardSettings();
        settings.read(reader);
        return settings;
    }

    @PostConstruct
    void load() {
        read(SettingsReader.systemProperties());
    }

    private void read(SettingsReader in) {
        demoMode = in.bool("switchboard.demo");
        sipDomain = in.nonEmpty("switchboard.sip.domain");
        dataDir = in.path("switchboard.data.dir");
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
        sipTlsKeystoreType = in.nonEmpty("switchboard.sip.tls.keystore-type");
        sipStackThreads = in.integer("switchboard.sip.stack-threads", 1, 1024);
        sipMaxMessageSize = in.integer("switchboard.sip.max-message-size", 1300, 16 * 1024 * 1024);
        sipUdpQueueMaxAgeMillis = in.integer("switchboard.sip.udp-queue-max-age-ms", 1, 600_000);
        sipOverloadRetryAfter = in.integer("switchboard.sip.overload.retry-after", 1, 86_400);

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

        proxyForwardsToOtherDomains = in.bool("switchboard.sip.proxy.forward-to-other-domains");
        proxyTimerC = in.duration("switchboard.sip.proxy.timer-c-seconds", ChronoUnit.SECONDS, 1, 86_400);
        cdrMaxCallDuration = in.duration("switchboard.cdr.max-call-seconds", ChronoUnit.SECONDS, 1, MAX);

        retentionBatchSize = in.integer("switchboard.retention.batch-size", 1, 1_000_000);
        deletionGracePeriod = in.duration("switchboard.account.deletion-grace-hours", ChronoUnit.HOURS, 0, MAX);
        keycloakUrl = in.httpUrl("switchboard.keycloak.url");
        keycloakRealm = in.nonEmpty("switchboard.keycloak.realm");
        keycloakAdminClientId = in.nonEmpty("switchboard.keycloak.admin-client-id");
        keycloakAdminClientSecret = in.nonEmpty("switchboard.keycloak.admin-client-secret");

        traceBatches = batches(in, "trace");
        cdrBatches = batches(in, "cdr");
        readVoicemail(in);
        in.check();
    }

    private void readVoicemail(SettingsReader in) {
        voicemailRtpPortMin = in.integer("switchboard.voicemail.rtp.port-min", 1024, 65_534);
        voicemailRtpPortMax = in.integer("switchboard.voicemail.rtp.port-max", 1025, 65_535);
        if (voicemailRtpPortMax - voicemailRtpPortMin < 1 + (voicemailRtpPortMin & 1)) {
            in.problem("switchboard.voicemail.rtp.port-max", "expected a range holding at least one even/odd port pair"
                    + " above port-min (" + voicemailRtpPortMin + "), got " + voicemailRtpPortMax);
        }
        voicemailSilenceTimeout = in.duration("switchboard.voicemail.silence-timeout-seconds", ChronoUnit.SECONDS, 1, 3600);
        voicemailMaxLength = in.duration("switchboard.voicemail.max-length-seconds", ChronoUnit.SECONDS, 1, 3600);
        voicemailMinLength = in.duration("switchboard.voicemail.min-length-ms", ChronoUnit.MILLIS, 0, 3_600_000);
        if (voicemailMinLength.compareTo(voicemailMaxLength) > 0) {
            in.problem("switchboard.voicemail.min-length-ms", "expected at most max-length-seconds ("
                    + voicemailMaxLength.toSeconds() + " s), got " + voicemailMinLength.toMillis());
        }
        voicemailMailPollInterval = in.duration("switchboard.voicemail.mail.poll-interval-ms", ChronoUnit.MILLIS, 100, 3_600_000);
        voicemailMailBatchSize = in.integer("switchboard.voicemail.mail.batch-size", 1, 10_000);
        voicemailMailRetryFirst = in.duration("switchboard.voicemail.mail.retry-first-seconds", ChronoUnit.SECONDS, 1, 86_400);
        voicemailMailRetryMax = in.duration("switchboard.voicemail.mail.retry-max-seconds", ChronoUnit.SECONDS, 1, 86_400);
        if (voicemailMailRetryMax.compareTo(voicemailMailRetryFirst) < 0) {
            in.problem("switchboard.voicemail.mail.retry-max-seconds", "expected at least retry-first-seconds ("
                    + voicemailMailRetryFirst.toSeconds() + "), got " + voicemailMailRetryMax.toSeconds());
        }
    }

    private static BatchSettings batches(SettingsReader in, String stream) {
        return new BatchSettings(
                in.integer("switchboard." + stream + ".queue-capacity", 1, 10_000_000),
                in.integer("switchboard." + stream + ".batch-size", 1, 100_000),
                in.integer("switchboard." + stream + ".flush-interval-ms", 1, 3_600_000));
    }

    public boolean demoMode() {
        return demoMode;
    }

    /** The SIP domain of local subscribers, also the digest realm of their credentials. */
    public String sipDomain() {
        return sipDomain;
    }

    public Path dataDir() {
        return dataDir;
    }

    // --- SIP engine (sip-app) -------------------------------------------------------------

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

    // --- Proxy and CDRs (sip-app proxy, cdr) --------------------------------------------------

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

    // --- Trace and CDR recorders ------------------------------------------------------------

    /** Queue and batch sizes of the trace recorder ({@code switchboard.trace.*}). */
    public BatchSettings traceBatches() {
        return traceBatches;
    }

    /** Queue and batch sizes of the CDR recorder ({@code switchboard.cdr.*}). */
    public BatchSettings cdrBatches() {
        return cdrBatches;
    }

    // --- Retention and account deletion ---------------------------------------------------

    /** Rows deleted per transaction by the retention purges and account deletion. */
    public int retentionBatchSize() {
        return retentionBatchSize;
    }

    /** How long a deletion request waits before it is processed (0: at the next retention run). */
    public Duration deletionGracePeriod() {
        return deletionGracePeriod;
    }

    /** Keycloak's base URL, e.g. http://localhost:8180 (its admin REST API lives below it). */
    public String keycloakUrl() {
        return keycloakUrl;
    }

    public String keycloakRealm() {
        return keycloakRealm;
    }

    /** The confidential client whose service account may delete users (realm-management manage-users). */
    public String keycloakAdminClientId() {
        return keycloakAdminClientId;
    }

    public String keycloakAdminClientSecret() {
        return keycloakAdminClientSecret;
    }

    // --- Voicemail (sip-app media, ejb voicemail) -----------------------------------------

    /** Lowest port of the voicemail's RTP range (not moved by the port offset). */
    public int voicemailRtpPortMin() {
        return voicemailRtpPortMin;
    }

    /** Highest port of the voicemail's RTP range. */
    public int voicemailRtpPortMax() {
        return voicemailRtpPortMax;
    }

    /** A recording ends after this long without voice. */
    public Duration voicemailSilenceTimeout() {
        return voicemailSilenceTimeout;
    }

    /** A recording ends at this length. */
    public Duration voicemailMaxLength() {
        return voicemailMaxLength;
    }

    /** A recording shorter than this is dropped. */
    public Duration voicemailMinLength() {
        return voicemailMinLength;
    }

    /** How often the mail outbox worker runs. */
    public Duration voicemailMailPollInterval() {
        return voicemailMailPollInterval;
    }

    /** Mails sent at most per outbox run. */
    public int voicemailMailBatchSize() {
        return voicemailMailBatchSize;
    }

    /** The wait after a first failed send; it doubles with each failure. */
    public Duration voicemailMailRetryFirst() {
        return voicemailMailRetryFirst;
    }

    /** The longest wait between two tries of a mail. */
    public Duration voicemailMailRetryMax() {
        return voicemailMailRetryMax;
    }
}
