package org.switchboard.persistence.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.billing.Purchase;
import org.switchboard.persistence.billing.PurchaseRepository;
import org.switchboard.persistence.cdr.CallDetailRecord;
import org.switchboard.persistence.cdr.CdrRepository;
import org.switchboard.persistence.messaging.OfflineMessage;
import org.switchboard.persistence.messaging.OfflineMessageRepository;
import org.switchboard.persistence.BatchDelete;
import org.switchboard.persistence.presence.PresenceLog;
import org.switchboard.persistence.presence.PresenceLogRepository;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;
import org.switchboard.persistence.trace.TraceDirection;
import org.switchboard.persistence.trace.TraceMessage;
import org.switchboard.persistence.trace.TraceRepository;
import org.switchboard.persistence.voicemail.StoredVoicemail;
import org.switchboard.persistence.voicemail.Voicemail;
import org.switchboard.persistence.voicemail.VoicemailRepository;

/**
 * The retention purges, in batches, at the edge of each window: a row a millisecond older than the
 * cutoff goes, a row at the cutoff or younger stays. The database is shared with the other repository
 * tests, so every check is about this test's own rows (a purge may also remove other tests' old rows).
 */
class PurgeQueriesTest {

    /** Cutoffs are far before the other tests' data (2025), so their rows are left alone. */
    private static final Instant CUTOFF = Instant.parse("2019-03-10T03:30:00Z");
    private static final Instant JUST_OUTSIDE = CUTOFF.minusMillis(1);
    private static final Instant LONG_OUTSIDE = CUTOFF.minus(Duration.ofDays(400));
    private static final Instant JUST_INSIDE = CUTOFF;
    private static final Instant WELL_INSIDE = CUTOFF.plusSeconds(1);

    private static final List<Instant> OLD = List.of(JUST_OUTSIDE, LONG_OUTSIDE, CUTOFF.minusSeconds(60));
    private static final List<Instant> YOUNG = List.of(JUST_INSIDE, WELL_INSIDE);

    /** Purges with a batch size of 2 until a batch comes back short; every batch but the last must be full. */
    private static int purgeAll(MigratedDatabase db, BiFunction<EntityManager, Integer, Integer> batch) {
        int total = 0;
        int batches = 0;
        while (true) {
            int deleted = db.tx(em -> batch.apply(em, 2));
            assertTrue(deleted <= 2, "a batch deleted more than its limit: " + deleted);
            total += deleted;
            batches++;
            if (deleted < 2) {
                break;
            }
        }
        assertTrue(batches >= 2, "three old rows need at least two batches of two");
        return total;
    }

    private static <T> boolean exists(MigratedDatabase db, Class<T> type, long id) {
        return db.tx(em -> em.find(type, id) != null);
    }

    private static void assertOnlyYoungLeft(MigratedDatabase db, Class<?> type, List<Long> oldIds, List<Long> youngIds) {
        oldIds.forEach(id -> assertFalse(exists(db, type, id), type.getSimpleName() + " " + id + " outside the window kept"));
        youngIds.forEach(id -> assertTrue(exists(db, type, id), type.getSimpleName() + " " + id + " inside the window deleted"));
    }

    private static TraceMessage trace(Instant at, Account from, Account to) {
        String callId = UUID.randomUUID() + "@192.0.2.1";
        return new TraceMessage(callId, at, TraceDirection.IN, "UDP", "192.0.2.1", 5060, "192.0.2.2", 5060,
                "INVITE", null, "INVITE", "INVITE sip:x@example.org SIP/2.0\r\n\r\n", from, to);
    }

    /**
     * Saves one row at each OLD and YOUNG instant (through {@code save}, in its own transaction), purges
     * in batches of two, and checks that exactly the OLD rows are gone.
     */
    private static void assertPurgedAtTheCutoff(MigratedDatabase db, Class<?> type, BiFunction<EntityManager, Instant, Long> save,
                                                BiFunction<EntityManager, Integer, Integer> purge) {
        List<Long> old = OLD.stream().map(t -> db.tx(em -> save.apply(em, t))).toList();
        List<Long> young = YOUNG.stream().map(t -> db.tx(em -> save.apply(em, t))).toList();
        int deleted = purgeAll(db, purge);
        assertTrue(deleted >= old.size(), "deleted " + deleted);
        assertOnlyYoungLeft(db, type, old, young);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tracesOlderThanTheCutoffGoInBatches(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("purge-trace");
        assertPurgedAtTheCutoff(db, TraceMessage.class,
                (em, t) -> new TraceRepository(em).save(trace(t, alice, null)).getId(),
                (em, n) -> new TraceRepository(em).deleteOlderThan(CUTOFF, n));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void callRecordsStartedBeforeTheCutoffGo(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("purge-cdr");
        assertPurgedAtTheCutoff(db, CallDetailRecord.class,
                (em, t) -> new CdrRepository(em).save(new CallDetailRecord(UUID.randomUUID().toString(), alice,
                        "sip:a@example.org", null, "sip:b@example.net", t)).getId(),
                (em, n) -> new CdrRepository(em).deleteStartedBefore(CUTOFF, n));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void presenceLogsOlderThanTheCutoffGo(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("purge-presence");
        assertPurgedAtTheCutoff(db, PresenceLog.class,
                (em, t) -> new PresenceLogRepository(em).save(new PresenceLog(alice, "phone", "open", t)).getId(),
                (em, n) -> new PresenceLogRepository(em).deleteOlderThan(CUTOFF, n));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void moneyRecordsOfPurchasesBeforeTheCutoffGo(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("purge-money");
        assertPurgedAtTheCutoff(db, Purchase.class,
                (em, t) -> new PurchaseRepository(em).save(new Purchase(alice, new BigDecimal("5.00"), "EUR", t,
                        "Alice Example", "1 Main St")).getId(),
                (em, n) -> new PurchaseRepository(em).deletePurchasedBefore(CUTOFF, n));
        assertTrue((boolean) db.tx(em -> new PurchaseRepository(em).hasPurchases(alice.getId())));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void offlineMessagesGoOnceTheyAreNoLongerPending(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("purge-msg");
        Instant now = CUTOFF;
        BiFunction<Instant, String, Long> hold = (expiry, body) -> db.tx(em -> new OfflineMessageRepository(em).save(
                new OfflineMessage("sip:bob@example.org", alice, "text/plain", body, expiry.minusSeconds(3600), expiry)).getId());
        // Expired at now (pendingFor no longer returns it), a millisecond and a year before.
        List<Long> expired = List.of(hold.apply(now, "a"), hold.apply(now.minusMillis(1), "b"), hold.apply(LONG_OUTSIDE, "c"));
        List<Long> pending = List.of(hold.apply(now.plusMillis(1), "d"), hold.apply(now.plusSeconds(3600), "e"));

        purgeAll(db, (em, n) -> new OfflineMessageRepository(em).deleteExpired(now, n));
        assertOnlyYoungLeft(db, OfflineMessage.class, expired, pending);
        assertEquals(List.of("d", "e"), db.tx(em -> new OfflineMessageRepository(em).pendingFor(alice.getId(), now))
                .stream().map(m -> new String(m.getBody(), java.nio.charset.StandardCharsets.UTF_8)).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void voicemailsBeforeTheCutoffAreListedWithTheirAudioThenDeleted(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("purge-vm");
        BiFunction<Instant, String, Long> leave = (t, ref) -> db.tx(em -> new VoicemailRepository(em).save(
                new Voicemail(alice, "sip:bob@example.org", t, 5, ref)).getId());
        List<Long> old = List.of(leave.apply(JUST_OUTSIDE, "vm/a.wav"), leave.apply(LONG_OUTSIDE, null), leave.apply(CUTOFF.minusSeconds(9), "vm/b.wav"));
        List<Long> young = YOUNG.stream().map(t -> leave.apply(t, "vm/young.wav")).toList();

        List<StoredVoicemail> listed;
        do {
            listed = db.tx(em -> new VoicemailRepository(em).receivedBefore(CUTOFF, 2));
            assertTrue(listed.size() <= 2);
            assertTrue(listed.stream().noneMatch(v -> young.contains(v.id())), "young voicemail listed: " + listed);
            List<StoredVoicemail> batch = listed;
            for (StoredVoicemail v : batch) {
                if (v.id() == old.get(0)) {
                    assertEquals("vm/a.wav", v.audioRef());
                }
            }
            assertEquals(batch.size(), (int) db.tx(em -> new VoicemailRepository(em).deleteByIds(
                    batch.stream().map(StoredVoicemail::id).toList())));
        } while (listed.size() == 2);
        assertOnlyYoungLeft(db, Voicemail.class, old, young);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAccountsOwnDataGoesAndOthersStays(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("erase-alice");
        Account bob = db.newAccount("erase-bob");
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        List<Long> alicesTraces = List.of(
                db.tx(em -> new TraceRepository(em).save(trace(t, alice, bob)).getId()),
                db.tx(em -> new TraceRepository(em).save(trace(t, bob, alice)).getId()),
                db.tx(em -> new TraceRepository(em).save(trace(t, alice, null)).getId()));
        long bobsTrace = db.tx(em -> new TraceRepository(em).save(trace(t, bob, null)).getId());
        long alicesCall = db.tx(em -> new CdrRepository(em).save(new CallDetailRecord("c1", null, "sip:x@example.net", alice, "sip:a@example.org", t)).getId());
        long bobsCall = db.tx(em -> new CdrRepository(em).save(new CallDetailRecord("c2", bob, "sip:b@example.org", null, "sip:x@example.net", t)).getId());
        long alicesPresence = db.tx(em -> new PresenceLogRepository(em).save(new PresenceLog(alice, "p", "open", t)).getId());
        long bobsPresence = db.tx(em -> new PresenceLogRepository(em).save(new PresenceLog(bob, "p", "open", t)).getId());
        long alicesMessage = db.tx(em -> new OfflineMessageRepository(em).save(new OfflineMessage("sip:b@x", alice, "text/plain", "hi", t, t.plusSeconds(60))).getId());
        long bobsMessage = db.tx(em -> new OfflineMessageRepository(em).save(new OfflineMessage("sip:a@x", bob, "text/plain", "hi", t, t.plusSeconds(60))).getId());
        long alicesVoicemail = db.tx(em -> new VoicemailRepository(em).save(new Voicemail(alice, "sip:b@x", t, 3, "vm/alice.wav")).getId());
        long bobsVoicemail = db.tx(em -> new VoicemailRepository(em).save(new Voicemail(bob, "sip:a@x", t, 3, "vm/bob.wav")).getId());

        purgeAll(db, (em, n) -> new TraceRepository(em).deleteForAccount(alice.getId(), n));
        assertEquals(1, (int) db.tx(em -> new CdrRepository(em).deleteForAccount(alice.getId(), 10)));
        assertEquals(1, (int) db.tx(em -> new PresenceLogRepository(em).deleteForAccount(alice.getId(), 10)));
        assertEquals(1, (int) db.tx(em -> new OfflineMessageRepository(em).deleteForRecipient(alice.getId(), 10)));
        List<StoredVoicemail> voicemails = db.tx(em -> new VoicemailRepository(em).storedFor(alice.getId(), 10));
        assertEquals(List.of(new StoredVoicemail(alicesVoicemail, "vm/alice.wav")), voicemails);

        alicesTraces.forEach(id -> assertFalse(exists(db, TraceMessage.class, id)));
        assertTrue(exists(db, TraceMessage.class, bobsTrace));
        assertFalse(exists(db, CallDetailRecord.class, alicesCall));
        assertTrue(exists(db, CallDetailRecord.class, bobsCall));
        assertFalse(exists(db, PresenceLog.class, alicesPresence));
        assertFalse(exists(db, OfflineMessage.class, alicesMessage));
        assertTrue(exists(db, PresenceLog.class, bobsPresence));
        assertTrue(exists(db, OfflineMessage.class, bobsMessage));
        assertTrue(exists(db, Voicemail.class, bobsVoicemail));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchMustDeleteAtLeastOneRow(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        assertThrows(IllegalArgumentException.class,
                () -> db.run(em -> BatchDelete.rows(em, "trace_message", "message_time < ?1", 0, CUTOFF)));
    }
}
