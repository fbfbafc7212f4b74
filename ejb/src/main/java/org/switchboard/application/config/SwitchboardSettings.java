package org.switchboard.application.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.application.batch.BatchSettings;

/**
 * The service's settings, read once at deployment from the system properties that WildFly loads
 * from wildfly-config/src/main/config/switchboard.properties, the one place where their defaults
 * live, and validated then: a missing or malformed value fails the deployment
 * ({@link SettingsCheck}) with a message naming each key and the form it expects. The getters only
 * return what was read. The SIP engine's own keys are read the same way by sip-app's
 * {@code SipSettings}; the SIP domain stays here, since accounts belong to it.
 */
@ApplicationScoped
public class SwitchboardSettings extends ModuleSettings {

    private static final int MAX = Integer.MAX_VALUE;

    private boolean demoMode;
    private String sipDomain;
    private Path dataDir;
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
    private int voicemailMaxRecordings;
    private Duration voicemailMailPollInterval;
    private int voicemailMailBatchSize;
    private Duration voicemailMailRetryFirst;
    private Duration voicemailMailRetryMax;
    private int sipUserMinLength;
    private int sipUserMaxLength;
    private Set<String> reservedNames;
    private int signUpsPerAddressPerDay;

    private Duration voicemailNoAnswer;
    private Duration voicemailPolicyCache;


    /** Settings read and validated from {@code reader} (unit tests; the server uses the system properties). */
    public static SwitchboardSettings from(SettingsReader reader) {
        return readFrom(new SwitchboardSettings(), reader);
    }


    @Override
    protected void read(SettingsReader in) {
        demoMode = in.bool("switchboard.demo");
        sipDomain = in.nonEmpty("switchboard.sip.domain");
        dataDir = in.path("switchboard.data.dir");


        retentionBatchSize = in.integer("switchboard.retention.batch-size", 1, 1_000_000);
        deletionGracePeriod = in.duration("switchboard.account.deletion-grace-hours", ChronoUnit.HOURS, 0, MAX);
        keycloakUrl = in.httpUrl("switchboard.keycloak.url");
        keycloakRealm = in.nonEmpty("switchboard.keycloak.realm");
        keycloakAdminClientId = in.nonEmpty("switchboard.keycloak.admin-client-id");
        keycloakAdminClientSecret = in.nonEmpty("switchboard.keycloak.admin-client-secret");

        traceBatches = batches(in, "trace");
        cdrBatches = batches(in, "cdr");
        readVoicemail(in);

        // The account table's sip_user column holds 64 characters.
        sipUserMinLength = in.integer("switchboard.signup.sip-user.min-length", 1, 64);
        sipUserMaxLength = in.integer("switchboard.signup.sip-user.max-length", 1, 64);
        if (sipUserMinLength > sipUserMaxLength) {
            in.problem("switchboard.signup.sip-user.min-length", "expected at most switchboard.signup.sip-user.max-length ("
                    + sipUserMaxLength + "), got " + sipUserMinLength);
        }
        reservedNames = Arrays.stream(in.text("switchboard.signup.reserved-names").split(","))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        signUpsPerAddressPerDay = in.integer("switchboard.signup.per-address-per-day", 1, 1_000_000);
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
        voicemailMaxRecordings = in.integer("switchboard.voicemail.max-recordings", 1, 10_000);
        voicemailNoAnswer = in.duration("switchboard.voicemail.no-answer-seconds", ChronoUnit.SECONDS, 5, 300);
        voicemailPolicyCache = in.duration("switchboard.voicemail.policy-cache-seconds", ChronoUnit.SECONDS, 1, 3600);
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

    /** How many calls the voicemail records at once on this server; one more gets 503. */
    public int voicemailMaxRecordings() {
        return voicemailMaxRecordings;
    }

    /** How long the phones ring before voicemail answers, for an account that set no time of its own. */
    public Duration voicemailNoAnswer() {
        return voicemailNoAnswer;
    }

    /**
     * How long the SIP side keeps an account's voicemail policy without reading it again: changes
     * made in the portal are seen at once (an event), others (SQL, another node) within this.
     */
    public Duration voicemailPolicyCache() {
        return voicemailPolicyCache;
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

    // --- Sign-up ------------------------------------------------------------------------------

    /** Shortest SIP user name a visitor may choose. */
    public int sipUserMinLength() {
        return sipUserMinLength;
    }

    /** Longest SIP user name a visitor may choose. */
    public int sipUserMaxLength() {
        return sipUserMaxLength;
    }

    /** Names nobody may sign up with, in lower case. */
    public Set<String> reservedNames() {
        return reservedNames;
    }

    /** Sign-ups (logins made) allowed from one source address per day (UTC). */
    public int signUpsPerAddressPerDay() {
        return signUpsPerAddressPerDay;
    }
}
