package org.switchboard.persistence.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

class SipCredentialTest {

    /** RFC 2617 section 3.5 example: HA1 = MD5("Mufasa:testrealm@host.com:Circle Of Life"). */
    private static final String RFC2617_HA1 = "939e7578ed9e3c518a452acee763bce9";

    private static String independentSha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void md5MatchesRfc2617Example() {
        assertEquals(RFC2617_HA1, DigestHa1.md5("Mufasa", "testrealm@host.com", "Circle Of Life"));
        assertNotEquals(RFC2617_HA1, DigestHa1.md5("Mufasa", "testrealm@host.com", "Circle of Life"));
    }

    @Test
    void sha256IsLowercaseHexOfUserRealmPassword() throws Exception {
        String ha1 = DigestHa1.sha256("Mufasa", "testrealm@host.com", "Circle Of Life");
        assertEquals(independentSha256("Mufasa:testrealm@host.com:Circle Of Life"), ha1);
        assertEquals(64, ha1.length());
        assertTrue(ha1.matches("[0-9a-f]{64}"), ha1);
        // RFC 7616 section 3.9.1 user/realm/password; value from an independent digest of the same A1.
        assertEquals(independentSha256("Mufasa:http-auth@example.org:Circle of Life"),
                DigestHa1.sha256("Mufasa", "http-auth@example.org", "Circle of Life"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storesOnlyTheHa1HashesOfThePassword(TestDatabase kind) throws Exception {
        MigratedDatabase db = kind.open();
        // realm = the account's SIP domain; this account reproduces the RFC 2617 example.
        Account mufasa = db.tx(em -> new AccountRepository(em)
                .save(new Account("Mufasa", "testrealm@host.com", "Mufasa", null, Instant.now())));
        Instant changed = Instant.parse("2024-05-01T12:00:00Z");
        db.run(em -> new SipCredentialRepository(em).save(SipCredential.forPassword(mufasa, "Circle Of Life", changed)));

        SipCredential stored = db.tx(em -> new SipCredentialRepository(em).findByAccount(mufasa.getId()).orElseThrow());
        assertEquals(RFC2617_HA1, stored.getHa1Md5());
        assertEquals(independentSha256("Mufasa:testrealm@host.com:Circle Of Life"), stored.getHa1Sha256());
        assertEquals(changed, stored.getUpdatedAt());

        // Nothing in the row is the clear password.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = db.tx(em -> em.createNativeQuery(
                "select ha1_md5, ha1_sha256 from sip_credential where account_id = :id")
                .setParameter("id", mufasa.getId()).getResultList());
        assertEquals(1, rows.size());
        for (Object column : rows.get(0)) {
            assertFalse(column.toString().contains("Circle"), column.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void passwordChangeReplacesBothHashesAndOnlyOneCredentialPerAccount(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("cred-alice");
        Account bob = db.newAccount("cred-bob");
        db.run(em -> new SipCredentialRepository(em).save(SipCredential.forPassword(alice, "old secret", Instant.now())));
        db.run(em -> new SipCredentialRepository(em).findByAccount(alice.getId()).orElseThrow()
                .changePassword("new secret", Instant.now()));

        SipCredential c = db.tx(em -> new SipCredentialRepository(em).findByAccount(alice.getId()).orElseThrow());
        assertEquals(DigestHa1.md5(alice.getSipUser(), "example.org", "new secret"), c.getHa1Md5());
        assertEquals(DigestHa1.sha256(alice.getSipUser(), "example.org", "new secret"), c.getHa1Sha256());
        assertTrue(db.tx(em -> new SipCredentialRepository(em).findByAccount(bob.getId())).isEmpty());

        assertThrows(PersistenceException.class, () -> db.run(em -> {
            new SipCredentialRepository(em).save(SipCredential.forPassword(em.find(Account.class, alice.getId()), "x", Instant.now()));
            em.flush();
        }));
    }
}
