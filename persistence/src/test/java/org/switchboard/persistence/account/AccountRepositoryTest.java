package org.switchboard.persistence.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

class AccountRepositoryTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void savesAndFindsByIdAndSipAddress(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Instant created = Instant.parse("2024-03-01T10:15:30.123456Z");
        String user = "alice-" + System.nanoTime();
        long id = db.tx(em -> new AccountRepository(em)
                .save(new Account(user, "example.org", "Alice", "alice@example.org", created)).getId());

        Account found = db.tx(em -> new AccountRepository(em).findBySipUser(user, "example.org").orElseThrow());
        assertEquals(id, found.getId());
        assertEquals("sip:" + user + "@example.org", found.sipUri());
        assertEquals(AccountStatus.ACTIVE, found.getStatus());
        assertEquals(created, found.getCreatedAt(), "Instant survives the round trip");
        assertEquals("Alice", db.tx(em -> new AccountRepository(em).findById(id).orElseThrow().getDisplayName()));

        assertTrue(db.tx(em -> new AccountRepository(em).findBySipUser(user, "other.org")).isEmpty());
        assertTrue(db.tx(em -> new AccountRepository(em).findBySipUser(user.toUpperCase(), "example.org")).isEmpty());
        assertTrue(db.tx(em -> new AccountRepository(em).findById(-1)).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rejectsASecondAccountWithTheSameUserAndDomain(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account first = db.newAccount("dup");

        PersistenceException e = assertThrows(PersistenceException.class, () -> db.run(em -> {
            new AccountRepository(em).save(new Account(first.getSipUser(), first.getSipDomain(), "Copy", null, Instant.now()));
            em.flush();
        }));
        assertNotNull(e);
        // The same user in another domain is a different address-of-record.
        db.run(em -> new AccountRepository(em).save(new Account(first.getSipUser(), "other.example", null, null, Instant.now())));
        assertEquals(1L, (long) db.tx(em -> em.createQuery("select count(a) from Account a where a.sipUser = :u and a.sipDomain = :d",
                Long.class).setParameter("u", first.getSipUser()).setParameter("d", first.getSipDomain()).getSingleResult()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storesStatusAsItsNameAndCountsByStatus(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        long blockedBefore = db.tx(em -> new AccountRepository(em).countByStatus(AccountStatus.BLOCKED));
        Account account = db.newAccount("blocked");
        db.run(em -> new AccountRepository(em).findById(account.getId()).orElseThrow().setStatus(AccountStatus.BLOCKED));

        long blockedAfter = db.tx(em -> new AccountRepository(em).countByStatus(AccountStatus.BLOCKED));
        assertEquals(blockedBefore + 1, blockedAfter);
        Object raw = db.tx(em -> em.createNativeQuery("select status from account where id = :id")
                .setParameter("id", account.getId()).getSingleResult());
        assertEquals("BLOCKED", raw.toString());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pagesAllAccountsInAStableOrder(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        for (int i = 0; i < 3; i++) {
            db.newAccount("page");
        }
        long total = db.tx(em -> new AccountRepository(em).count());
        assertTrue(total >= 3);
        List<Account> all = db.tx(em -> new AccountRepository(em).findAll(0, (int) total));
        assertEquals(total, all.size());
        List<Account> firstTwo = db.tx(em -> new AccountRepository(em).findAll(0, 2));
        List<Account> nextTwo = db.tx(em -> new AccountRepository(em).findAll(2, 2));
        assertEquals(all.get(0).getId(), firstTwo.get(0).getId());
        assertEquals(all.get(1).getId(), firstTwo.get(1).getId());
        assertEquals(all.get(2).getId(), nextTwo.get(0).getId());
        for (int i = 1; i < all.size(); i++) {
            Account a = all.get(i - 1);
            Account b = all.get(i);
            int byDomain = a.getSipDomain().compareTo(b.getSipDomain());
            assertFalse(byDomain > 0 || (byDomain == 0 && a.getSipUser().compareTo(b.getSipUser()) > 0),
                    "ordered by domain then user: " + a + " before " + b);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deletionRequestsPendingOldestFirst(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("del-alice");
        Account bob = db.newAccount("del-bob");
        Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
        long later = db.tx(em -> new DeletionRequestRepository(em).save(new DeletionRequest(alice, t0.plusSeconds(60))).getId());
        long earlier = db.tx(em -> new DeletionRequestRepository(em).save(new DeletionRequest(bob, t0)).getId());
        long done = db.tx(em -> {
            DeletionRequest r = new DeletionRequest(alice, t0.minusSeconds(60));
            r.markDone(t0.plusSeconds(5), "erased");
            return new DeletionRequestRepository(em).save(r).getId();
        });

        List<Long> pending = db.tx(em -> new DeletionRequestRepository(em).pending().stream().map(DeletionRequest::getId).toList());
        assertTrue(pending.indexOf(earlier) >= 0 && pending.indexOf(earlier) < pending.indexOf(later), pending.toString());
        assertFalse(pending.contains(done));

        List<DeletionRequest> alices = db.tx(em -> new DeletionRequestRepository(em).findByAccount(alice.getId()));
        assertEquals(List.of(later, done), alices.stream().map(DeletionRequest::getId).toList());
        assertEquals(DeletionState.DONE, alices.get(1).getState());
        assertEquals("erased", alices.get(1).getOutcome());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void voicemailSettingsOnePerAccount(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("vms-alice");
        Account bob = db.newAccount("vms-bob");
        db.run(em -> new VoicemailSettingsRepository(em).save(new VoicemailSettings(alice, true, true, false)));

        VoicemailSettings s = db.tx(em -> new VoicemailSettingsRepository(em).findByAccount(alice.getId()).orElseThrow());
        assertTrue(s.isEnabled());
        assertTrue(s.isSendByEmail());
        assertFalse(s.isStoreOnServer());
        assertTrue(db.tx(em -> new VoicemailSettingsRepository(em).findByAccount(bob.getId())).isEmpty());

        assertThrows(PersistenceException.class, () -> db.run(em -> {
            new VoicemailSettingsRepository(em).save(new VoicemailSettings(em.find(Account.class, alice.getId()), false, false, false));
            em.flush();
        }));
    }
}
