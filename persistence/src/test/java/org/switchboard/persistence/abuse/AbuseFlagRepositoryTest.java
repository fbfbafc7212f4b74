package org.switchboard.persistence.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountRepository;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

class AbuseFlagRepositoryTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void flagsAreRaisedCountedClearedAndGoWithTheirAccount(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        String user = "flagged-" + UUID.randomUUID().toString().substring(0, 8);
        long accountId = db.tx(em -> new AccountRepository(em)
                .save(new Account(user, "example.org", null, null, Instant.now())).getId());
        Instant at = Instant.parse("2026-12-01T20:00:00Z");
        long first = db.tx(em -> new AbuseFlagRepository(em).raise(em.find(Account.class, accountId), AbuseKind.CALL_RATE,
                "Too many new calls (limit 10 in 60 s)", at).getId());
        db.run(em -> new AbuseFlagRepository(em).raise(em.find(Account.class, accountId), AbuseKind.LOCATIONS,
                "Registered from too many networks (limit 3)", at.plusSeconds(60)));
        assertEquals(2L, (long) db.<Long>tx(em -> new AbuseFlagRepository(em).countOpen(accountId)));

        List<AbuseFlag> flags = db.tx(em -> new AbuseFlagRepository(em).ofAccount(accountId, 10));
        assertEquals(AbuseKind.LOCATIONS, flags.get(0).getKind(), "newest first");
        assertTrue(flags.get(1).isOpen());

        db.run(em -> new AbuseFlagRepository(em).findById(first).orElseThrow().clear("carol", at.plusSeconds(120)));
        assertEquals(1L, (long) db.<Long>tx(em -> new AbuseFlagRepository(em).countOpen(accountId)));
        assertTrue(db.tx(em -> new AbuseFlagRepository(em).open(1000)).stream().noneMatch(f -> f.getId() == first));
        AbuseFlag cleared = db.tx(em -> em.find(AbuseFlag.class, first));
        assertFalse(cleared.isOpen());
        assertEquals("carol", cleared.getClearedBy());

        db.run(em -> new AbuseFlagRepository(em).raise(em.find(Account.class, accountId), AbuseKind.LOCATIONS,
                "Registered from too many networks (limit 3)", at.plusSeconds(180)));
        assertEquals(2, (int) db.<Integer>tx(em -> new AbuseFlagRepository(em).clearOpen(accountId, AbuseKind.LOCATIONS, "carol",
                at.plusSeconds(240))), "both LOCATIONS flags");
        assertEquals(0L, (long) db.<Long>tx(em -> new AbuseFlagRepository(em).countOpen(accountId)));
        assertEquals(0, (int) db.<Integer>tx(em -> new AbuseFlagRepository(em).clearOpen(accountId, AbuseKind.LOCATIONS, "carol",
                at.plusSeconds(300))), "none open any more");

        db.run(em -> new AccountRepository(em).deleteByIds(List.of(accountId)));
        assertTrue(db.tx(em -> new AbuseFlagRepository(em).ofAccount(accountId, 10)).isEmpty(), "deleted with the account");
    }
}
