package org.switchboard.application.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.application.ArquillianDeployments;
import org.switchboard.application.RecordingLoginDirectory;
import org.switchboard.application.TestData;
import org.switchboard.persistence.account.Account;
import org.switchboard.application.account.AccountService;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.application.account.AccountSummary;
import org.switchboard.persistence.account.DeletionRequest;
import org.switchboard.persistence.account.DeletionState;
import org.switchboard.persistence.audit.AuditEntry;
import org.switchboard.persistence.billing.Purchase;
import org.switchboard.persistence.cdr.CallDetailRecord;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.persistence.messaging.OfflineMessage;
import org.switchboard.persistence.presence.PresenceLog;
import org.switchboard.persistence.trace.TraceMessage;
import org.switchboard.persistence.voicemail.Voicemail;

/**
 * The retention run in a managed WildFly: windows measured from an explicit "now", batches, the audit
 * log, account deletion with and without purchases (Keycloak replaced by {@link RecordingLoginDirectory}),
 * a deletion interrupted half-way and finished by the next run, and the persistent timer.
 */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    private static final Duration NO_GRACE = Duration.ZERO;
    private static final int BATCH = 10_000;

    @Deployment
    static WebArchive deployment() {
        return ArquillianDeployments.services("retention-it", RetentionIT.class, TestData.class, RecordingLoginDirectory.class);
    }

    @EJB
    RetentionRunner runner;
    @EJB
    RetentionService retention;
    @EJB
    AccountService accounts;
    @EJB
    TestData data;
    @Inject
    RecordingLoginDirectory logins;
    @Inject
    SwitchboardSettings settings;
    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    private AccountSummary newAccount(String prefix) {
        String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return accounts.open(user, "Personal Name", user + "@example.org", "sip-password-1");
    }

    private static String login(AccountSummary account) {
        return account.sipUri().substring("sip:".length(), account.sipUri().indexOf('@'));
    }

    private String audioFile(String name) throws Exception {
        String ref = "voicemail/" + name + "-" + UUID.randomUUID() + ".wav";
        Path file = settings.dataDir().resolve(ref);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "RIFF fake audio");
        return ref;
    }

    private boolean audioExists(String ref) {
        return Files.exists(settings.dataDir().resolve(ref));
    }

    @Test
    void eachWindowPurgesJustOutsideAndKeepsJustInside() throws Exception {
        Instant now = Instant.parse("2031-06-15T03:30:00Z");
        long a = newAccount("window").id();
        Duration second = Duration.ofSeconds(1);
        Instant traceEdge = now.minus(Duration.ofDays(7));
        Instant cdrEdge = now.atOffset(ZoneOffset.UTC).minusMonths(6).toInstant();
        Instant voicemailEdge = now.minus(Duration.ofDays(90));
        Instant moneyEdge = now.atOffset(ZoneOffset.UTC).minusYears(7).toInstant();
        String oldAudio = audioFile("old");
        String youngAudio = audioFile("young");

        List<Long> goneTraces = List.of(data.trace(a, traceEdge.minus(second)));
        List<Long> keptTraces = List.of(data.trace(a, traceEdge.plus(second)));
        long goneCdr = data.cdr(a, cdrEdge.minus(second));
        long keptCdr = data.cdr(a, cdrEdge.plus(second));
        long gonePresence = data.presence(a, traceEdge.minus(second));
        long keptPresence = data.presence(a, traceEdge.plus(second));
        long goneMessage = data.offlineMessage(a, now);
        long keptMessage = data.offlineMessage(a, now.plus(second));
        long goneVoicemail = data.voicemail(a, voicemailEdge.minus(second), oldAudio);
        long keptVoicemail = data.voicemail(a, voicemailEdge.plus(second), youngAudio);
        long gonePurchase = data.purchase(a, moneyEdge.minus(second));
        long keptPurchase = data.purchase(a, moneyEdge.plus(second));

        RetentionReport report = runner.run("it-staff", now, NO_GRACE, BATCH);

        assertFalse(report.failed(), report.summary());
        goneTraces.forEach(id -> assertFalse(data.exists(TraceMessage.class, id)));
        keptTraces.forEach(id -> assertTrue(data.exists(TraceMessage.class, id)));
        assertFalse(data.exists(CallDetailRecord.class, goneCdr));
        assertTrue(data.exists(CallDetailRecord.class, keptCdr));
        assertFalse(data.exists(PresenceLog.class, gonePresence));
        assertTrue(data.exists(PresenceLog.class, keptPresence));
        assertFalse(data.exists(OfflineMessage.class, goneMessage));
        assertTrue(data.exists(OfflineMessage.class, keptMessage));
        assertFalse(data.exists(Voicemail.class, goneVoicemail));
        assertTrue(data.exists(Voicemail.class, keptVoicemail));
        assertFalse(audioExists(oldAudio), "audio of the purged voicemail deleted");
        assertTrue(audioExists(youngAudio), "audio of the kept voicemail kept");
        assertFalse(data.exists(Purchase.class, gonePurchase));
        assertTrue(data.exists(Purchase.class, keptPurchase));
        for (PurgeKind kind : List.of(PurgeKind.TRACES, PurgeKind.CDRS, PurgeKind.PRESENCE_LOGS,
                PurgeKind.OFFLINE_MESSAGES, PurgeKind.VOICEMAILS, PurgeKind.MONEY_RECORDS)) {
            assertTrue(report.purged(kind) >= 1, kind + " counted: " + report.summary());
        }

        AuditEntry audit = data.lastAudit("RETENTION_RUN");
        assertEquals("it-staff", audit.getActor());
        assertEquals(report.summary(), audit.getDetail());
        assertTrue(audit.getDetail().contains("session traces " + report.purged(PurgeKind.TRACES)), audit.getDetail());
        assertTrue(audit.getDetail().matches(".*in \\d+ ms.*"), audit.getDetail());
    }

    @Test
    void aBacklogLargerThanOneBatchIsPurgedInSeveralBatches() {
        Instant now = Instant.parse("2032-01-10T03:30:00Z");
        long a = newAccount("backlog").id();
        List<Long> old = List.of(1, 2, 3, 4, 5).stream()
                .map(i -> data.trace(a, now.minus(Duration.ofDays(8 + i)))).toList();
        long young = data.trace(a, now.minus(Duration.ofDays(1)));

        RetentionReport report = runner.run(RetentionService.TIMER_ACTOR, now, NO_GRACE, 2);

        old.forEach(id -> assertFalse(data.exists(TraceMessage.class, id)));
        assertTrue(data.exists(TraceMessage.class, young));
        assertTrue(report.purged(PurgeKind.TRACES) >= old.size(), report.summary());
        assertEquals(RetentionService.TIMER_ACTOR, data.lastAudit("RETENTION_RUN").getActor());
    }

    @Test
    void anAccountWithoutPurchasesIsDeletedWithEverythingAndItsLogin() throws Exception {
        AccountSummary account = newAccount("erase");
        long a = account.id();
        String login = login(account);
        Instant now = Instant.now();
        String audio = audioFile("erase");
        long trace = data.trace(a, now);
        long cdr = data.cdr(a, now);
        long presence = data.presence(a, now);
        long message = data.offlineMessage(a, now.plus(Duration.ofDays(5)));
        long voicemail = data.voicemail(a, now, audio);

        accounts.requestDeletion(login);
        assertEquals(accounts.requestDeletion(login), accounts.pendingDeletion(login).orElseThrow(), "asking twice queues one request");
        RetentionReport report = runner.run("it-staff", now.plusSeconds(1), NO_GRACE, BATCH);

        assertFalse(report.failed(), report.summary());
        assertTrue(report.accountsDeleted() >= 1);
        assertFalse(data.exists(Account.class, a), "account row deleted");
        assertFalse(data.exists(TraceMessage.class, trace));
        assertFalse(data.exists(CallDetailRecord.class, cdr));
        assertFalse(data.exists(PresenceLog.class, presence));
        assertFalse(data.exists(OfflineMessage.class, message));
        assertFalse(data.exists(Voicemail.class, voicemail));
        assertFalse(audioExists(audio), "voicemail audio deleted");
        assertEquals(0, data.count("select count(c) from SipCredential c where c.account.id = :id", a));
        assertEquals(0, data.count("select count(s) from VoicemailSettings s where s.account.id = :id", a));
        assertEquals(0, data.count("select count(r) from DeletionRequest r where r.account.id = :id", a));
        assertTrue(logins.deleted().contains(login), "login deleted in the directory");
        assertTrue(accounts.findByLogin(login).isEmpty());

        List<AuditEntry> about = data.auditAbout("account #" + a);
        assertEquals(List.of("DELETION_REQUESTED", "ACCOUNT_DELETED"), about.stream().map(AuditEntry::getAction).toList());
        assertEquals(0, data.auditMentioning(login), "no personal data left in the audit log");
        assertEquals(0, data.auditMentioning(login + "@example.org"));
    }

    @Test
    void anAccountWithPurchasesIsClosedAndItsMoneyRecordsOutliveItForSevenYears() {
        AccountSummary account = newAccount("buyer");
        long a = account.id();
        String login = login(account);
        Instant bought = Instant.parse("2030-02-01T10:00:00Z");
        Instant later = bought.plus(Duration.ofDays(30));
        long purchase = data.purchase(a, bought);
        long trace = data.trace(a, later);
        long presence = data.presence(a, later);
        data.deletionRequest(a, later);

        runner.run("it-staff", later.plusSeconds(60), NO_GRACE, BATCH);

        Account closed = data.find(Account.class, a);
        assertEquals(AccountStatus.CLOSED, closed.getStatus());
        assertEquals("closed-" + a, closed.getSipUser(), "SIP user erased");
        assertNull(closed.getEmail());
        assertNull(closed.getDisplayName());
        assertTrue(data.exists(Purchase.class, purchase), "money record kept");
        assertEquals("Full Name", data.find(Purchase.class, purchase).getFullName());
        assertFalse(data.exists(TraceMessage.class, trace));
        assertFalse(data.exists(PresenceLog.class, presence));
        assertEquals(0, data.count("select count(c) from SipCredential c where c.account.id = :id", a));
        assertTrue(logins.deleted().contains(login));
        assertEquals(DeletionState.DONE, data.find(DeletionRequest.class,
                data.count("select max(r.id) from DeletionRequest r where r.account.id = :id", a)).getState());

        // Seven years after the purchase, less a second: still kept. Then both the record and the row go.
        Instant sevenYears = bought.atOffset(ZoneOffset.UTC).plusYears(7).toInstant();
        runner.run("it-staff", sevenYears.minusSeconds(1), NO_GRACE, BATCH);
        assertTrue(data.exists(Purchase.class, purchase));
        assertTrue(data.exists(Account.class, a));
        runner.run("it-staff", sevenYears.plusSeconds(1), NO_GRACE, BATCH);
        assertFalse(data.exists(Purchase.class, purchase));
        assertFalse(data.exists(Account.class, a), "the closed account's row goes with its last money record");
    }

    @Test
    void aDeletionInterruptedHalfWayIsFinishedByTheNextRun() {
        AccountSummary account = newAccount("crash");
        long a = account.id();
        String login = login(account);
        Instant now = Instant.now();
        long trace = data.trace(a, now);
        long cdr = data.cdr(a, now);
        long request = data.deletionRequest(a, now);
        logins.failFor(login, 1);
        RetentionReport first = runner.run("it-staff", now.plusSeconds(1), NO_GRACE, BATCH);

        assertTrue(first.failed(), first.summary());
        assertTrue(first.summary().contains("deletion request #" + request), first.summary());
        assertFalse(first.summary().contains(login), "no login in the audit log");
        assertEquals(DeletionState.PROCESSING, data.find(DeletionRequest.class, request).getState());
        assertEquals(AccountStatus.CLOSED, data.find(Account.class, a).getStatus(), "closed while half-deleted");
        assertFalse(data.exists(TraceMessage.class, trace), "what was deleted stays deleted");
        assertFalse(data.exists(CallDetailRecord.class, cdr));

        RetentionReport second = runner.run("it-staff", now.plusSeconds(2), NO_GRACE, BATCH);

        assertFalse(second.failed(), second.summary());
        assertFalse(data.exists(Account.class, a));
        assertFalse(data.exists(DeletionRequest.class, request));
        assertEquals(1, logins.deleted().stream().filter(login::equals).count(), "login deleted once");
        assertEquals(List.of("ACCOUNT_DELETED"), data.auditAbout("account #" + a).stream().map(AuditEntry::getAction).toList(),
                "deleted once, audited once");
        runner.run("it-staff", now.plusSeconds(3), NO_GRACE, BATCH);
        assertEquals(1, data.auditAbout("account #" + a).size(), "a third run finds nothing left to do");
    }

    @Test
    void aRequestWaitsForTheGracePeriod() {
        AccountSummary account = newAccount("grace");
        // Whole seconds: the column keeps microseconds, and the test looks at the exact edge.
        Instant requested = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long request = data.deletionRequest(account.id(), requested);
        Duration grace = Duration.ofHours(24);

        runner.run("it-staff", requested.plus(grace).minusSeconds(1), grace, BATCH);
        assertEquals(DeletionState.PENDING, data.find(DeletionRequest.class, request).getState());
        assertTrue(data.exists(Account.class, account.id()));

        runner.run("it-staff", requested.plus(grace), grace, BATCH);
        assertFalse(data.exists(Account.class, account.id()));
    }

    @Test
    void runNowIsAuditedWithTheStaffLogin() {
        RetentionReport report = retention.runNow("carol");
        AuditEntry audit = data.lastAudit("RETENTION_RUN");
        assertEquals("carol", audit.getActor());
        assertEquals(report.summary(), audit.getDetail());
    }

    @Test
    void invalidSettingsAreRefusedAndTheTimerFollowsTheSettings() throws Exception {
        RetentionPolicy defaults = retention.currentPolicy();
        assertThrows(InvalidRetentionSettingsException.class, () -> new RetentionPolicy(7, 6, 30, 7, 90, 6, 3, 30));
        try {
            retention.update(new RetentionPolicy(7, 6, 30, 7, 90, 7, 4, 15), "it-staff");
            Instant next = retention.nextScheduledRun().orElseThrow();
            assertEquals(LocalTime.of(4, 15), next.atZone(ZoneId.systemDefault()).toLocalTime());
            assertEquals(1, persistedRetentionTimers("4", "15"), "one persistent timer, in the database");
            assertEquals(0, persistedRetentionTimers("3", "30"), "the old schedule is gone");
        } finally {
            retention.update(defaults, "it-staff");
        }
        assertEquals(LocalTime.of(3, 30), retention.nextScheduledRun().orElseThrow().atZone(ZoneId.systemDefault()).toLocalTime());
        assertEquals(1, persistedRetentionTimers("3", "30"));
    }

    /** Rows of WildFly's timer table (database-data-store, switchboard.cli) for the retention timer at h:m. */
    private int persistedRetentionTimers(String hour, String minute) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM JBOSS_EJB_TIMER WHERE TIMED_OBJECT_ID LIKE ?"
                     + " AND SCHEDULE_EXPR_HOUR = ? AND SCHEDULE_EXPR_MINUTE = ? AND TIMER_STATE <> 'CANCELED'")) {
            s.setString(1, "%retention-it%RetentionTimer%");
            s.setString(2, hour);
            s.setString(3, minute);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
