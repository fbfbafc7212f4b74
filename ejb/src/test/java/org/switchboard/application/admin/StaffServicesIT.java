package org.switchboard.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.switchboard.application.abuse.AbuseRecords;
import org.switchboard.persistence.abuse.AbuseKind;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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
import org.switchboard.application.account.AccountService;
import org.switchboard.application.account.DemoAccounts;
import org.switchboard.application.trace.CallTraces;
import org.switchboard.application.retention.RetentionRunner;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.persistence.audit.AuditFilter;

/**
 * The staff services in a managed WildFly: without role support every one of them is refused by the
 * container (@RolesAllowed), with it (a @RunAs bean) block and unblock work, need a reason, disable
 * and enable the web login, and are audited; demo accounts are seeded once per database.
 */
@ExtendWith(ArquillianExtension.class)
class StaffServicesIT {

    @Deployment
    static WebArchive deployment() {
        return ArquillianDeployments.services("staff-services-it", StaffServicesIT.class, AsSupport.class,
                RecordingLoginDirectory.class);
    }

    @EJB
    AsSupport asSupport;

    @EJB
    AccountSearch search;

    @EJB
    AccountInspection inspection;

    @EJB
    AccountActions actions;

    @EJB
    AuditTrail audit;

    @EJB
    AdminDashboard dashboard;

    @EJB
    DeletionQueue deletions;

    @EJB
    CallTraces traces;

    @EJB
    AccountService accounts;

    @EJB
    AbuseDesk abuse;

    @EJB
    AbuseRecords abuseRecords;

    @EJB
    DemoAccounts demo;

    @EJB
    RetentionRunner runner;

    @Inject
    RecordingLoginDirectory logins;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Test
    void everyStaffServiceRefusesACallerWithoutRoleSupport() {
        String user = open();
        List<Runnable> calls = List.of(
                () -> search.search("", 0, 10),
                () -> inspection.open(user),
                () -> inspection.trace(user, "any"),
                () -> actions.block(user, "no role"),
                () -> actions.resetSipPassword(user, "no role"),
                () -> audit.count(AuditFilter.ALL),
                () -> dashboard.figures(),
                () -> deletions.moneyRecords(user),
                () -> traces.traceOfAccount(1L, "any"),
                () -> abuse.bans(),
                () -> abuse.liftBan("192.0.2.1"),
                () -> abuse.openFlags(),
                () -> abuse.clearFlags(user, "LOCATIONS"),
                () -> abuse.signUpsToday());
        for (Runnable call : calls) {
            assertThrows(EJBAccessException.class, call::run);
        }
        assertEquals(AccountStatus.ACTIVE, accounts.findByLogin(user).orElseThrow().status(), "nothing was done");
    }

    @Test
    void supportSeesAndClearsAnAccountsFlagsAuditedAndNoBansWithoutAnEngine() throws Exception {
        String user = open();
        abuseRecords.flag(user, AbuseKind.LOCATIONS, "Registered from too many networks (limit 3)", 0);
        abuseRecords.flag(user, AbuseKind.LOCATIONS, "Registered from too many networks (limit 3)", 0);
        long deadline = System.currentTimeMillis() + 10_000;
        List<AbuseFlagGroup> mine;
        do {
            Thread.sleep(100);
            mine = asSupport.call(() -> abuse.openFlags()).stream().filter(f -> f.sipUser().equals(user)).toList();
        } while ((mine.isEmpty() || mine.get(0).count() < 2) && System.currentTimeMillis() < deadline);
        assertEquals(1, mine.size(), "one line per account and limit: " + mine);
        assertEquals(2, mine.get(0).count());
        assertEquals("too many networks", mine.get(0).limit());

        String done = asSupport.call(() -> abuse.clearFlags(user, "LOCATIONS"));
        assertTrue(done.contains("Cleared 2 flag(s) of sip:" + user + "@localhost for too many networks."), done);
        assertTrue(asSupport.call(() -> abuse.openFlags()).stream().noneMatch(f -> f.sipUser().equals(user)));
        long id = accounts.findByLogin(user).orElseThrow().id();
        List<AuditLine> cleared = asSupport.call(() -> audit.page(new AuditFilter(null, "ABUSE_FLAG_CLEARED", user, null, null), 0, 10));
        assertEquals(1, cleared.size(), cleared.toString());
        assertEquals(Staff.target(id), cleared.get(0).target());
        assertEquals(StaffInputException.class, assertThrows(Exception.class,
                () -> asSupport.call(() -> abuse.clearFlags(user, "LOCATIONS"))).getClass(), "nothing left to clear");

        // This deployment has no SIP engine: no bans to show, none to lift.
        assertTrue(asSupport.call(() -> abuse.bans()).isEmpty());
        assertThrows(StaffInputException.class, () -> asSupport.call(() -> abuse.liftBan("192.0.2.1")));
    }

    @Test
    void supportBlocksAndUnblocksWithAReasonAndBothAreAudited() throws Exception {
        String user = open();
        StaffInputException noReason = assertThrows(StaffInputException.class,
                () -> asSupport.call(() -> actions.block(user, "  ")));
        assertEquals("reason", noReason.field());

        asSupport.call(() -> actions.block(user, "spam calls"));
        assertEquals(AccountStatus.BLOCKED, accounts.findByLogin(user).orElseThrow().status());
        assertTrue(logins.enabledChanges().contains(user + " disabled"), logins.enabledChanges().toString());
        long id = accounts.findByLogin(user).orElseThrow().id();
        List<AuditLine> entries = asSupport.call(() -> audit.page(new AuditFilter(null, "ACCOUNT_BLOCKED", user, null, null), 0, 10));
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(Staff.target(id), entries.get(0).target());
        assertTrue(entries.get(0).detail().contains("spam calls"), entries.get(0).detail());

        asSupport.call(() -> actions.unblock(user, "cleared"));
        assertEquals(AccountStatus.ACTIVE, accounts.findByLogin(user).orElseThrow().status());
        assertTrue(logins.enabledChanges().contains(user + " enabled"), logins.enabledChanges().toString());

        String password = asSupport.call(() -> actions.resetSipPassword(user, "forgot it"));
        assertTrue(password.length() >= 16, "a long random password");
        List<AuditLine> reset = asSupport.call(() -> audit.page(new AuditFilter(null, "SIP_PASSWORD_RESET", user, null, null), 0, 10));
        assertEquals(1, reset.size());
        assertTrue(!reset.get(0).detail().contains(password), "the audit log never holds the password");
    }

    @Test
    void viewingAnAccountIsAuditedAndSearchFindsIt() throws Exception {
        String user = open();
        AccountDetails details = asSupport.call(() -> inspection.open(user));
        assertEquals("sip:" + user + "@localhost", details.account().sipUri());
        assertEquals(0, details.messagesWaiting());
        assertEquals(1, asSupport.call(() -> audit.count(new AuditFilter(null, "ACCOUNT_VIEWED", user, null, null))));
        assertEquals(1, asSupport.call(() -> search.search(user.toUpperCase(), 0, 10)).size(), "case-insensitive");
    }

    @Test
    void demoAccountsAreSeededOnceAndNeverReopenedOrUnblocked() throws Exception {
        // As on a database where they were never seeded (this server's database outlives a test run).
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM demo_seed");
        }
        demo.seedOnce();
        assertTrue(accounts.findByLogin("alice").isPresent());
        asSupport.call(() -> actions.block("alice", "demo abuse"));
        demo.seedOnce();
        assertEquals(AccountStatus.BLOCKED, accounts.findByLogin("alice").orElseThrow().status(), "a restart keeps the block");

        accounts.requestDeletion("alice");
        Instant now = Instant.now();
        runner.run("it-staff", now.plusSeconds(1), Duration.ZERO, 100);
        assertTrue(accounts.findByLogin("alice").isEmpty(), "deleted");
        demo.seedOnce();
        assertTrue(accounts.findByLogin("alice").isEmpty(), "a restart does not reopen a deleted demo account");
    }

    private String open() {
        String user = "staff-it-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(user, "Staff IT", user + "@localhost", "Pw-" + UUID.randomUUID());
        return user;
    }
}
