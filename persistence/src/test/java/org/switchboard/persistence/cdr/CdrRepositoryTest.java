package org.switchboard.persistence.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

class CdrRepositoryTest {

    private static final Instant T0 = Instant.parse("2025-01-10T12:00:00Z");
    private static final Instant FROM = T0.minusSeconds(86_400);
    private static final Instant TO = T0.plusSeconds(86_400);

    private static CallDetailRecord answered(Account caller, Account callee, Instant start, int talkSeconds) {
        CallDetailRecord cdr = new CallDetailRecord(UUID.randomUUID().toString(), caller, caller.sipUri(),
                callee, callee == null ? "sip:+4930123456@pstn.example" : callee.sipUri(), start);
        cdr.end(Disposition.ANSWERED, start.plusSeconds(3), start.plusSeconds(3 + talkSeconds), null);
        cdr.setCallerEndpoint("192.0.2.10:5060", "192.0.2.10:40000", "Linphone/5.2");
        cdr.setCalleeEndpoint("198.51.100.7:5062", "198.51.100.7:30000", "Zoiper 5");
        return cdr;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void accountSeesOnlyCallsItTookPartIn(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("cdr-alice");
        Account bob = db.newAccount("cdr-bob");
        Account carol = db.newAccount("cdr-carol");
        long aliceCallsBob = db.tx(em -> new CdrRepository(em).save(answered(alice, bob, T0, 65)).getId());
        long carolCallsAlice = db.tx(em -> new CdrRepository(em).save(answered(carol, alice, T0.plusSeconds(600), 5)).getId());
        long aliceCallsPstn = db.tx(em -> new CdrRepository(em).save(answered(alice, null, T0.plusSeconds(1200), 1)).getId());
        long bobCallsCarol = db.tx(em -> new CdrRepository(em).save(answered(bob, carol, T0.plusSeconds(300), 10)).getId());
        long busy = db.tx(em -> {
            CallDetailRecord cdr = new CallDetailRecord("busy-" + UUID.randomUUID(), bob, bob.sipUri(), carol, carol.sipUri(),
                    T0.plusSeconds(900));
            cdr.end(Disposition.BUSY, null, T0.plusSeconds(901), 486);
            return new CdrRepository(em).save(cdr).getId();
        });

        List<Long> alices = db.tx(em -> new CdrRepository(em).findForAccount(alice.getId(), FROM, TO, 0, 50))
                .stream().map(CallDetailRecord::getId).toList();
        assertEquals(List.of(aliceCallsPstn, carolCallsAlice, aliceCallsBob), alices, "newest first, as caller or callee");
        assertEquals(3L, (long) db.tx(em -> new CdrRepository(em).countForAccount(alice.getId(), FROM, TO)));
        assertTrue(alices.stream().noneMatch(id -> id == bobCallsCarol || id == busy));

        List<Long> carols = db.tx(em -> new CdrRepository(em).findForAccount(carol.getId(), FROM, TO, 0, 50))
                .stream().map(CallDetailRecord::getId).toList();
        assertEquals(List.of(busy, carolCallsAlice, bobCallsCarol), carols);

        CallDetailRecord stored = db.tx(em -> new CdrRepository(em).findForAccount(carol.getId(), FROM, TO, 0, 1).get(0));
        assertEquals(Disposition.BUSY, stored.getDisposition());
        assertEquals(486, stored.getFailureCode());
        assertNull(stored.getAnswerTime());
        assertEquals(0, stored.getDurationSeconds());

        CallDetailRecord first = db.tx(em -> new CdrRepository(em).findForAccount(alice.getId(), FROM, TO, 2, 1).get(0));
        assertEquals(aliceCallsBob, first.getId());
        assertEquals(65, first.getDurationSeconds());
        assertEquals("192.0.2.10:5060", first.getCallerSignalingAddress());
        assertEquals("198.51.100.7:30000", first.getCalleeMediaAddress());
        assertEquals("Zoiper 5", first.getCalleeUserAgent());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pagesAndFiltersByStartTime(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("cdr-pages");
        Account bob = db.newAccount("cdr-peer");
        for (int i = 0; i < 5; i++) {
            int minute = i;
            db.run(em -> new CdrRepository(em).save(answered(alice, bob, T0.plusSeconds(60L * minute), 10)));
        }
        List<Instant> page1 = db.tx(em -> new CdrRepository(em).findForAccount(alice.getId(), FROM, TO, 0, 2))
                .stream().map(CallDetailRecord::getStartTime).toList();
        List<Instant> page3 = db.tx(em -> new CdrRepository(em).findForAccount(alice.getId(), FROM, TO, 4, 2))
                .stream().map(CallDetailRecord::getStartTime).toList();
        assertEquals(List.of(T0.plusSeconds(240), T0.plusSeconds(180)), page1);
        assertEquals(List.of(T0), page3);

        // [from, to): from inclusive, to exclusive.
        Instant from = T0.plusSeconds(60);
        Instant to = T0.plusSeconds(180);
        assertEquals(2L, (long) db.tx(em -> new CdrRepository(em).countForAccount(alice.getId(), from, to)));
        assertEquals(List.of(T0.plusSeconds(120), T0.plusSeconds(60)),
                db.tx(em -> new CdrRepository(em).findForAccount(alice.getId(), from, to, 0, 10))
                        .stream().map(CallDetailRecord::getStartTime).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void portalFiltersByPeerSortsAndFindsOnlyItsOwnRecord(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("cdr-portal-alice");
        Account bob = db.newAccount("cdr-portal-bob");
        Account carol = db.newAccount("cdr-portal-carol");
        long toBob = db.tx(em -> new CdrRepository(em).save(answered(alice, bob, T0, 30)).getId());
        long fromCarol = db.tx(em -> new CdrRepository(em).save(answered(carol, alice, T0.plusSeconds(60), 90)).getId());
        long toPstn = db.tx(em -> new CdrRepository(em).save(answered(alice, null, T0.plusSeconds(120), 5)).getId());
        long bobToCarol = db.tx(em -> new CdrRepository(em).save(answered(bob, carol, T0.plusSeconds(180), 5)).getId());

        CdrFilter all = new CdrFilter(FROM, TO, " ");
        assertEquals(List.of(toPstn, toBob, fromCarol), db.tx(em -> new CdrRepository(em)
                .findForAccount(alice.getId(), all, CdrSort.DURATION, true, 0, 10)).stream().map(CallDetailRecord::getId).toList());
        assertEquals(List.of(fromCarol, toBob, toPstn), db.tx(em -> new CdrRepository(em)
                .findForAccount(alice.getId(), all, CdrSort.DURATION, false, 0, 10)).stream().map(CallDetailRecord::getId).toList());

        // The peer is the other side only: alice's own name matches nothing, carol's matches the call from her.
        CdrFilter carolPeer = new CdrFilter(FROM, TO, "CDR-PORTAL-CAROL");
        assertEquals(List.of(fromCarol), db.tx(em -> new CdrRepository(em)
                .findForAccount(alice.getId(), carolPeer, CdrSort.START, false, 0, 10)).stream().map(CallDetailRecord::getId).toList());
        assertEquals(1L, (long) db.tx(em -> new CdrRepository(em).countForAccount(alice.getId(), carolPeer)));
        assertEquals(0L, (long) db.tx(em -> new CdrRepository(em).countForAccount(alice.getId(), new CdrFilter(FROM, TO, "cdr-portal-alice"))));
        // LIKE's wildcards are literal.
        assertEquals(0L, (long) db.tx(em -> new CdrRepository(em).countForAccount(alice.getId(), new CdrFilter(FROM, TO, "%"))));

        assertTrue(db.tx(em -> new CdrRepository(em).findForAccount(toBob, alice.getId())).isPresent());
        assertTrue(db.tx(em -> new CdrRepository(em).findForAccount(bobToCarol, alice.getId())).isEmpty(), "not alice's");
        String bobToCarolCallId = db.tx(em -> new CdrRepository(em).findForAccount(bobToCarol, bob.getId()).orElseThrow().getCallId());
        List<CallDetailRecord> carols = db.tx(em -> new CdrRepository(em).findByCallIds(carol.getId(), List.of(bobToCarolCallId)));
        assertEquals(List.of(bobToCarol), carols.stream().map(CallDetailRecord::getId).toList());
        assertTrue(db.tx(em -> new CdrRepository(em).findByCallIds(alice.getId(), List.of(bobToCarolCallId))).isEmpty());

        List<CallsPerDay> days = db.tx(em -> new CdrRepository(em).callsPerDay(alice.getId(), FROM, TO));
        assertEquals(List.of(new CallsPerDay(java.time.LocalDate.of(2025, 1, 10), 3, 125)), days);
    }
}
