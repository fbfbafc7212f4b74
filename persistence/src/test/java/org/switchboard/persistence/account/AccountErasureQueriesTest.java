package org.switchboard.persistence.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.billing.Purchase;
import org.switchboard.persistence.billing.PurchaseRepository;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

/** The queries account deletion relies on: which requests are due, and when a closed account's row may go. */
class AccountErasureQueriesTest {

    private static final Instant T0 = Instant.parse("2031-05-01T12:00:00Z");

    private static long request(MigratedDatabase db, Account account, Instant at) {
        return db.tx(em -> new DeletionRequestRepository(em).save(new DeletionRequest(em.merge(account), at)).getId());
    }

    private static List<Long> due(MigratedDatabase db, Instant requestedBy) {
        return db.tx(em -> new DeletionRequestRepository(em).due(requestedBy)).stream().map(DeletionRequest::getId).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pendingRequestsAreDueAfterTheGracePeriodAndStartedOnesAlways(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        long early = request(db, db.newAccount("due-early"), T0.minusSeconds(1));
        long atLimit = request(db, db.newAccount("due-limit"), T0);
        long late = request(db, db.newAccount("due-late"), T0.plusMillis(1));
        long started = request(db, db.newAccount("due-started"), T0.plusSeconds(3600));
        db.run(em -> em.find(DeletionRequest.class, started).markProcessing());

        List<Long> due = due(db, T0);
        assertTrue(due.containsAll(List.of(early, atLimit, started)), due.toString());
        assertFalse(due.contains(late), due.toString());

        db.run(em -> em.find(DeletionRequest.class, early).markDone(T0, "done"));
        assertFalse(due(db, T0).contains(early));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyAnOpenRequestCountsAsAlreadyRequested(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("open-req");
        assertTrue(db.tx(em -> new DeletionRequestRepository(em).openFor(alice.getId())).isEmpty());
        long id = request(db, alice, T0);
        assertEquals(id, db.tx(em -> new DeletionRequestRepository(em).openFor(alice.getId())).orElseThrow().getId());
        db.run(em -> em.find(DeletionRequest.class, id).markDone(T0, "done"));
        assertTrue(db.tx(em -> new DeletionRequestRepository(em).openFor(alice.getId())).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClosedAccountRowGoesOnlyOnceErasedAndWithoutMoneyRecords(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account erased = db.newAccount("gone-erased");
        Account withMoney = db.newAccount("gone-money");
        Account stillPending = db.newAccount("gone-pending");
        Account active = db.newAccount("gone-active");
        for (Account a : List.of(erased, withMoney, stillPending)) {
            long r = request(db, a, T0);
            db.run(em -> em.find(Account.class, a.getId()).closeAndErase());
            if (a != stillPending) {
                db.run(em -> em.find(DeletionRequest.class, r).markDone(T0, "closed"));
            }
        }
        request(db, active, T0);
        db.run(em -> new PurchaseRepository(em).save(new Purchase(em.merge(withMoney), new BigDecimal("3.00"), "EUR", T0,
                "Money Kept", "Somewhere 1")));

        Account closed = db.tx(em -> em.find(Account.class, erased.getId()));
        assertEquals(AccountStatus.CLOSED, closed.getStatus());
        assertEquals("closed-" + erased.getId(), closed.getSipUser());
        assertNull(closed.getEmail());
        assertNull(closed.getDisplayName());

        List<Long> removable = db.tx(em -> new AccountRepository(em).erasedWithoutMoneyRecords(100));
        assertTrue(removable.contains(erased.getId()), removable.toString());
        for (Account kept : List.of(withMoney, stillPending, active)) {
            assertFalse(removable.contains(kept.getId()), kept + " listed");
        }

        db.run(em -> {
            new DeletionRequestRepository(em).deleteForAccounts(List.of(erased.getId()));
            assertEquals(1, new AccountRepository(em).deleteByIds(List.of(erased.getId())));
        });
        assertTrue(db.tx(em -> new AccountRepository(em).findById(erased.getId())).isEmpty());
        assertTrue(db.tx(em -> new AccountRepository(em).findById(withMoney.getId())).isPresent());
    }
}
