package org.switchboard.persistence.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

/** The delivery queue's SQL on H2 and PostgreSQL: only the due head is claimed, once, per recipient. */
class OfflineMessageQueueTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant EXPIRY = T0.plusSeconds(86_400);

    private static OfflineMessage message(Account to, String text, Instant at) {
        return new OfflineMessage("sip:alice@example.org", to, "text/plain", text, at, EXPIRY);
    }

    private static Optional<String> claim(MigratedDatabase db, Account who, Instant now) {
        return db.tx(em -> new OfflineMessageRepository(em).claimHead(who.getId(), now, now.plusSeconds(30))
                .map(m -> new String(m.getBody(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theHeadOnlyInOrderAndNotTwiceWhileClaimed(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account bob = db.newAccount("q-bob");
        db.run(em -> {
            OfflineMessageRepository repo = new OfflineMessageRepository(em);
            repo.save(message(bob, "2", T0.plusSeconds(1)));
            repo.save(message(bob, "1", T0));
        });
        assertEquals(Optional.of("1"), claim(db, bob, T0.plusSeconds(2)));
        // Claimed: neither it nor the one behind it is handed out until the claim runs out.
        assertEquals(Optional.empty(), claim(db, bob, T0.plusSeconds(3)));
        assertEquals(Optional.of("1"), claim(db, bob, T0.plusSeconds(40)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHeadInBackOffHoldsItsQueueButNotAnotherRecipients(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account bob = db.newAccount("q-bob");
        Account carol = db.newAccount("q-carol");
        long first = db.tx(em -> {
            OfflineMessageRepository repo = new OfflineMessageRepository(em);
            repo.save(message(bob, "2", T0.plusSeconds(1)));
            repo.save(message(carol, "for carol", T0.plusSeconds(1)));
            return repo.save(message(bob, "1", T0)).getId();
        });
        Instant now = T0.plusSeconds(5);
        db.run(em -> new OfflineMessageRepository(em).find(first).orElseThrow().recordAttempt(now.plusSeconds(60)));

        assertEquals(Optional.empty(), claim(db, bob, now));
        assertTrue(db.tx(em -> new OfflineMessageRepository(em).recipientsDue(now, 1000)).contains(carol.getSipUser()));
        assertEquals(Optional.of("for carol"), claim(db, carol, now));
        assertEquals(Optional.of("1"), claim(db, bob, now.plusSeconds(61)));
        assertEquals(1, (int) db.tx(em -> new OfflineMessageRepository(em).find(first).orElseThrow().getAttempts()));

        assertTrue((boolean) db.tx(em -> new OfflineMessageRepository(em).delete(first)));
        assertEquals(Optional.of("2"), claim(db, bob, now.plusSeconds(62)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void bodyBytesComeBackUnchanged(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account bob = db.newAccount("q-bob");
        byte[] body = {0, (byte) 0xff, 13, 10, (byte) 0xc3, 0x28};
        long id = db.tx(em -> new OfflineMessageRepository(em).save(new OfflineMessage("sip:a@example.net", bob,
                "sip:bob@127.0.0.1", "application/octet-stream", body, T0, EXPIRY)).getId());
        OfflineMessage read = db.tx(em -> new OfflineMessageRepository(em).find(id).orElseThrow());
        assertArrayEquals(body, read.getBody());
        assertEquals("sip:bob@127.0.0.1", read.getRecipientUri());
        assertEquals(1L, (long) db.tx(em -> new OfflineMessageRepository(em).countPendingFor(bob.getId(), T0)));
    }

    /**
     * Two nodes: while one holds the head's row lock, the other's claim skips it rather than
     * waiting, and takes nothing behind it either (a run stops there).
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aConcurrentClaimSkipsTheLockedHeadAndWhatIsBehindIt(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account bob = db.newAccount("q-bob");
        db.run(em -> {
            OfflineMessageRepository repo = new OfflineMessageRepository(em);
            for (int i = 1; i <= 3; i++) {
                repo.save(message(bob, Integer.toString(i), T0.plusSeconds(i)));
            }
        });
        Instant now = T0.plusSeconds(10);
        EntityManager first = db.emf().createEntityManager();
        try {
            first.getTransaction().begin();
            assertTrue(new OfflineMessageRepository(first).claimHead(bob.getId(), now, now.plusSeconds(30)).isPresent());
            first.flush();
            // the other node, while the first has not committed
            assertEquals(java.util.List.of(), claimRun(db, bob, now, 10));
            first.getTransaction().commit();
        } finally {
            first.close();
        }
        assertEquals(java.util.List.of(), claimRun(db, bob, now, 10)); // and after: the claim is there
        assertEquals(java.util.List.of("1", "2", "3"), claimRun(db, bob, now.plusSeconds(31), 10)); // until it lapses
    }

    private static java.util.List<String> claimRun(MigratedDatabase db, Account who, Instant now, int limit) {
        return db.tx(em -> new OfflineMessageRepository(em).claimHeads(who.getId(), now, now.plusSeconds(30), limit)
                .stream().map(m -> new String(m.getBody(), java.nio.charset.StandardCharsets.UTF_8)).toList());
    }

    /** A run from the head, in order, up to the limit, ending at the first message in back-off; settled in one go. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunFromTheHeadInOrderEndsAtAMessageInBackOff(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account bob = db.newAccount("q-bob");
        java.util.List<Long> ids = db.tx(em -> {
            OfflineMessageRepository repo = new OfflineMessageRepository(em);
            java.util.List<Long> saved = new java.util.ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                saved.add(repo.save(message(bob, Integer.toString(i), T0.plusSeconds(i))).getId());
            }
            return saved;
        });
        Instant now = T0.plusSeconds(10);
        db.run(em -> new OfflineMessageRepository(em).find(ids.get(3)).orElseThrow().recordAttempt(now.plusSeconds(60)));

        assertEquals(java.util.List.of("1", "2"), claimRun(db, bob, now, 2));
        assertEquals(java.util.List.of(), claimRun(db, bob, now, 10), "claimed: the queue waits behind them");
        // 1 delivered, 2 put back untouched: the next run starts at 2 and stops before 4, in back-off.
        db.run(em -> {
            OfflineMessageRepository repo = new OfflineMessageRepository(em);
            assertEquals(1, repo.deleteAll(java.util.List.of(ids.get(0))));
            assertEquals(1, repo.releaseAll(java.util.List.of(ids.get(1))));
        });
        assertEquals(java.util.List.of("2", "3"), claimRun(db, bob, now, 10));
    }
}
