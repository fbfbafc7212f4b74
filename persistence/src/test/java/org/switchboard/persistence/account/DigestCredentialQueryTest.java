package org.switchboard.persistence.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

/** The registrar's credential read and the recorders' account-id lookup, plain JDBC on both databases. */
class DigestCredentialQueryTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void findsTheAccountWithItsHashesAndNothingForOthers(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("digest-alice");
        Account without = db.newAccount("digest-nocred");
        SipCredential credential = db.tx(em -> new SipCredentialRepository(em)
                .save(SipCredential.forPassword(em.find(Account.class, alice.getId()), "secret-1", Instant.now())));
        DigestCredentialQuery query = new DigestCredentialQuery(db.dataSource());

        DigestCredentials found = query.find(alice.getSipUser(), "example.org").orElseThrow();
        assertEquals(alice.getId(), found.accountId());
        assertEquals(alice.getSipUser(), found.sipUser());
        assertEquals("example.org", found.sipDomain());
        assertEquals(AccountStatus.ACTIVE, found.status());
        assertEquals(credential.getHa1Md5(), found.ha1Md5());
        assertEquals(credential.getHa1Sha256(), found.ha1Sha256());

        assertEquals(Optional.empty(), query.find(alice.getSipUser(), "example.net"), "another domain");
        assertEquals(Optional.empty(), query.find(without.getSipUser(), "example.org"), "an account without credentials");
        assertEquals(Optional.empty(), query.find("nobody-here", "example.org"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void streamsTheActiveAccountsOfTheDomainUpToTheLimit(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account first = db.newAccount("warm-first");
        Account second = db.newAccount("warm-second");
        Account blocked = db.newAccount("warm-blocked");
        Account without = db.newAccount("warm-nocred");
        for (Account account : List.of(first, second, blocked)) {
            db.tx(em -> new SipCredentialRepository(em)
                    .save(SipCredential.forPassword(em.find(Account.class, account.getId()), "secret-1", Instant.now())));
        }
        db.tx(em -> {
            em.find(Account.class, blocked.getId()).setStatus(AccountStatus.BLOCKED);
            return null;
        });
        DigestCredentialQuery query = new DigestCredentialQuery(db.dataSource());

        List<String> users = new java.util.ArrayList<>();
        int count = query.forEachActive("example.org", 100_000, c -> users.add(c.sipUser()));
        assertEquals(users.size(), count);
        assertTrue(users.contains(first.getSipUser()) && users.contains(second.getSipUser()), users.toString());
        assertTrue(!users.contains(blocked.getSipUser()), "a blocked account is not warmed: " + users);
        assertTrue(!users.contains(without.getSipUser()), "no credentials, nothing to warm");
        assertEquals(0, query.forEachActive("example.net", 100, c -> users.add(c.sipUser())), "another domain");

        List<String> limited = new java.util.ArrayList<>();
        assertEquals(1, query.forEachActive("example.org", 1, c -> limited.add(c.sipUser())));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void accountIdsOfManyUsersInOneQuery(TestDatabase kind) throws Exception {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("ids-alice");
        Account bob = db.newAccount("ids-bob");
        try (Connection connection = db.dataSource().getConnection()) {
            Map<String, Long> ids = AccountIdQuery.idsBySipUser(connection, "example.org",
                    List.of(alice.getSipUser(), bob.getSipUser(), "nobody-here"));
            assertEquals(Map.of(alice.getSipUser(), alice.getId(), bob.getSipUser(), bob.getId()), ids);
            assertTrue(AccountIdQuery.idsBySipUser(connection, "example.net", List.of(alice.getSipUser())).isEmpty());
            assertTrue(AccountIdQuery.idsBySipUser(connection, "example.org", List.of()).isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void existsBySipUserIsDomainBound(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("exists-alice");
        assertEquals(Boolean.TRUE, db.tx(em -> new AccountRepository(em).existsBySipUser(alice.getSipUser(), "example.org")));
        assertEquals(Boolean.FALSE, db.tx(em -> new AccountRepository(em).existsBySipUser(alice.getSipUser(), "example.net")));
        assertEquals(Boolean.FALSE, db.tx(em -> new AccountRepository(em).existsBySipUser("nobody-here", "example.org")));
    }
}
