package org.switchboard.application.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The service's settings, read from the system properties that WildFly loads from
 * wildfly-config/src/main/config/switchboard.properties (the one place where their defaults live).
 */
@ApplicationScoped
public class SwitchboardSettings {

    public boolean demoMode() {
        return Boolean.parseBoolean(System.getProperty("switchboard.demo", "false"));
    }

    /** The SIP domain of local subscribers, also the digest realm of their credentials. */
    public String sipDomain() {
        return required("switchboard.sip.domain");
    }

    public Path dataDir() {
        return Path.of(required("switchboard.data.dir"));
    }

    // --- SIP engine (sip-app) -------------------------------------------------------------

    /** WildFly's port offset; the SIP ports follow it like every other port of the server. */
    public int portOffset() {
        return Integer.parseInt(System.getProperty("jboss.socket.binding.port-offset", "0").trim());
    }

    /** The IPv4 address the SIP listening points bind to. */
    public String sipBindAddress() {
        return required("switchboard.sip.bind-address");
    }

    /** The IPv6 address to listen on as well, if the host has it; empty for none. */
    public String sipBindAddressV6() {
        return System.getProperty("switchboard.sip.bind-address-v6", "").trim();
    }

    /** UDP and TCP port, port offset included. */
    public int sipPort() {
        return requiredInt("switchboard.sip.port") + portOffset();
    }

    /** TLS port, port offset included. */
    public int sipTlsPort() {
        return requiredInt("switchboard.sip.tls.port") + portOffset();
    }

    /** The TLS keystore (PKCS12 by default); TLS stays off when the file does not exist. */
    public Path sipTlsKeystore() {
        return Path.of(required("switchboard.sip.tls.keystore"));
    }

    public String sipTlsKeystorePassword() {
        return required("switchboard.sip.tls.keystore-password");
    }

    public String sipTlsKeystoreType() {
        return required("switchboard.sip.tls.keystore-type");
    }

    /** Threads of the SIP stack that read and parse; the work itself runs on the managed executor. */
    public int sipStackThreads() {
        return requiredInt("switchboard.sip.stack-threads");
    }

    /** Largest SIP message accepted over TCP/TLS, in bytes. */
    public int sipMaxMessageSize() {
        return requiredInt("switchboard.sip.max-message-size");
    }

    /** How long (ms) a received UDP datagram may wait for a stack thread before it is dropped. */
    public int sipUdpQueueMaxAgeMillis() {
        return requiredInt("switchboard.sip.udp-queue-max-age-ms");
    }

    /** Retry-After (seconds) of the 503 sent when the executor queue is full. */
    public int sipOverloadRetryAfter() {
        return requiredInt("switchboard.sip.overload.retry-after");
    }

    public int registrarMinExpires() {
        return requiredInt("switchboard.sip.registrar.min-expires");
    }

    public int registrarMaxExpires() {
        return requiredInt("switchboard.sip.registrar.max-expires");
    }

    public int registrarDefaultExpires() {
        return requiredInt("switchboard.sip.registrar.default-expires");
    }

    public int registrarMaxContacts() {
        return requiredInt("switchboard.sip.registrar.max-contacts");
    }

    /** Digest algorithms offered, most preferred first (e.g. SHA-256,MD5). */
    public List<String> sipAuthAlgorithms() {
        return Arrays.stream(required("switchboard.sip.auth.algorithms").split(","))
                .map(String::trim).filter(a -> !a.isEmpty()).toList();
    }

    /**
     * User-Agents offered only the first algorithm: a regular expression matched at the start of
     * the User-Agent header, or empty for none.
     */
    public java.util.Optional<java.util.regex.Pattern> sipAuthSingleChallengeUserAgents() {
        String regex = System.getProperty("switchboard.sip.auth.single-challenge-user-agents", "").trim();
        if (regex.isEmpty()) {
            return java.util.Optional.empty();
        }
        CompiledPattern last = singleChallengePattern;
        if (last == null || !last.regex().equals(regex)) {
            last = new CompiledPattern(regex, java.util.regex.Pattern.compile(regex));
            singleChallengePattern = last; // asked on every challenge: compiled once per value
        }
        return java.util.Optional.of(last.pattern());
    }

    private record CompiledPattern(String regex, java.util.regex.Pattern pattern) {
    }

    private volatile CompiledPattern singleChallengePattern;

    /** How long a digest nonce stays valid; after that the client gets stale=true. */
    public Duration sipAuthNonceLifetime() {
        return Duration.ofMillis(requiredInt("switchboard.sip.auth.nonce-lifetime-ms"));
    }

    // --- Proxy and CDRs (sip-app proxy, cdr) --------------------------------------------------

    /** Whether the proxy forwards our subscribers' requests for other domains (RFC 3263), else 403. */
    public boolean proxyForwardsToOtherDomains() {
        return Boolean.parseBoolean(System.getProperty("switchboard.sip.proxy.forward-to-other-domains", "false").trim());
    }

    /** Timer C (RFC 3261 section 16.6 step 11): how long an INVITE branch may ring. */
    public Duration proxyTimerC() {
        return Duration.ofSeconds(requiredInt("switchboard.sip.proxy.timer-c-seconds"));
    }

    /** Calls still up after this long are closed as if a BYE had come (lost BYE). */
    public Duration cdrMaxCallDuration() {
        return Duration.ofSeconds(requiredInt("switchboard.cdr.max-call-seconds"));
    }

    // --- Retention and account deletion ---------------------------------------------------

    /** Rows deleted per transaction by the retention purges and account deletion. */
    public int retentionBatchSize() {
        return positiveInt("switchboard.retention.batch-size");
    }

    /** How long a deletion request waits before it is processed (0: at the next retention run). */
    public Duration deletionGracePeriod() {
        int hours = nonNegativeInt("switchboard.account.deletion-grace-hours");
        return Duration.ofHours(hours);
    }

    /** Keycloak's base URL, e.g. http://localhost:8180 (its admin REST API lives below it). */
    public String keycloakUrl() {
        String url = required("switchboard.keycloak.url");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String keycloakRealm() {
        return required("switchboard.keycloak.realm");
    }

    /** The confidential client whose service account may delete users (realm-management manage-users). */
    public String keycloakAdminClientId() {
        return required("switchboard.keycloak.admin-client-id");
    }

    public String keycloakAdminClientSecret() {
        return required("switchboard.keycloak.admin-client-secret");
    }

    private static int positiveInt(String name) {
        int value = requiredInt(name);
        if (value < 1) {
            throw new IllegalStateException("Setting " + name + " must be at least 1, not " + value);
        }
        return value;
    }

    private static int nonNegativeInt(String name) {
        int value = requiredInt(name);
        if (value < 0) {
            throw new IllegalStateException("Setting " + name + " must not be negative, not " + value);
        }
        return value;
    }

    private static int requiredInt(String name) {
        String value = required(name);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + name + " must be a whole number, not '" + value + "'", e);
        }
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Setting " + name + " is missing: WildFly must be started with -P switchboard.properties");
        }
        return resolve(value.trim(), 0);
    }

    /**
     * Expands ${other.setting} references: WildFly resolves them in its own configuration, but
     * system properties loaded with -P keep them as text (e.g. the TLS keystore under the data dir).
     */
    static String resolve(String value, int depth) {
        int start = value.indexOf("${");
        if (start < 0 || depth > 10) {
            return value;
        }
        int end = value.indexOf('}', start);
        if (end < 0) {
            return value;
        }
        String inner = value.substring(start + 2, end);
        String fallback = null;
        int colon = inner.indexOf(':');
        if (colon >= 0) {
            fallback = inner.substring(colon + 1);
            inner = inner.substring(0, colon);
        }
        String replacement = System.getProperty(inner, fallback);
        if (replacement == null) {
            return value;
        }
        return resolve(value.substring(0, start) + replacement + value.substring(end + 1), depth + 1);
    }
}
