package org.switchboard.persistence.misc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.billing.Purchase;
import org.switchboard.persistence.billing.PurchaseRepository;
import org.switchboard.persistence.messaging.OfflineMessage;
import org.switchboard.persistence.messaging.OfflineMessageRepository;
import org.switchboard.persistence.presence.PresenceLog;
import org.switchboard.persistence.presence.PresenceLogRepository;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;
import org.switchboard.persistence.voicemail.Voicemail;
import org.switchboard.persistence.voicemail.VoicemailRepository;

/** Offline messages, voicemail, purchases and presence: each read returns only the asking account's rows. */
class SubscriberDataRepositoriesTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void offlineMessagesPendingForTheRecipientOnlyUntilExpiry(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("msg-alice");
        Account bob = db.newAccount("msg-bob");
        db.run(em -> {
            OfflineMessageRepository repo = new OfflineMessageRepository(em);
            repo.save(new OfflineMessage("sip:bob@example.org", alice, "text/plain", "second", T0.plusSeconds(10), T0.plusSeconds(3600)));
            repo.save(new OfflineMessage("sip:bob@example.org", alice, "text/plain", "first", T0, T0.plusSeconds(3600)));
            repo.save(new OfflineMessage("sip:bob@example.org", alice, "text/plain", "expired", T0.minusSeconds(7200), T0.minusSeconds(1)));
            repo.save(new OfflineMessage("sip:alice@example.org", bob, "text/plain", "for bob", T0, T0.plusSeconds(3600)));
        });

        List<OfflineMessage> pending = db.tx(em -> new OfflineMessageRepository(em).pendingFor(alice.getId(), T0));
        assertEquals(List.of("first", "second"), pending.stream().map(m -> new String(m.getBody(), java.nio.charset.StandardCharsets.UTF_8)).toList());
        assertEquals(List.of("for bob"), db.tx(em -> new OfflineMessageRepository(em).pendingFor(bob.getId(), T0))
                .stream().map(m -> new String(m.getBody(), java.nio.charset.StandardCharsets.UTF_8)).toList());
        // Relative to the real clock all of them have expired (T0 is in the past).
        assertTrue(db.tx(em -> new OfflineMessageRepository(em).pendingFor(alice.getId())).isEmpty());

        db.run(em -> new OfflineMessageRepository(em).pendingFor(alice.getId(), T0).get(0).recordAttempt());
        assertEquals(1, db.tx(em -> new OfflineMessageRepository(em).pendingFor(alice.getId(), T0)).get(0).getAttempts());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void voicemailsAreReadPerAccount(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("vm-alice");
        Account bob = db.newAccount("vm-bob");
        long older = db.tx(em -> new VoicemailRepository(em).save(
                new Voicemail(alice, "sip:carol@example.org", T0, 12, "vm/alice/1.wav")).getId());
        long mailedOnly = db.tx(em -> {
            Voicemail v = new Voicemail(alice, "sip:dave@example.org", T0.plusSeconds(60), 7, null);
            v.markMailed(T0.plusSeconds(61));
            return new VoicemailRepository(em).save(v).getId();
        });
        long bobs = db.tx(em -> new VoicemailRepository(em).save(
                new Voicemail(bob, "sip:carol@example.org", T0, 3, "vm/bob/1.wav")).getId());

        List<Voicemail> alices = db.tx(em -> new VoicemailRepository(em).findByAccount(alice.getId(), 0, 10));
        assertEquals(List.of(mailedOnly, older), alices.stream().map(Voicemail::getId).toList());
        assertNull(alices.get(0).getAudioRef());
        assertEquals(T0.plusSeconds(61), alices.get(0).getMailedAt());
        assertEquals(2L, (long) db.tx(em -> new VoicemailRepository(em).countForAccount(alice.getId())));
        assertTrue(db.tx(em -> new VoicemailRepository(em).findForAccount(bobs, alice.getId())).isEmpty());
        assertEquals("vm/bob/1.wav", db.tx(em -> new VoicemailRepository(em).findForAccount(bobs, bob.getId())).orElseThrow().getAudioRef());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void purchasesKeepExactAmountsPerAccount(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("buy-alice");
        Account bob = db.newAccount("buy-bob");
        db.run(em -> {
            PurchaseRepository repo = new PurchaseRepository(em);
            repo.save(new Purchase(alice, new BigDecimal("10.00"), "EUR", T0, "Alice Example", "1 Main St, Berlin"));
            repo.save(new Purchase(alice, new BigDecimal("9999999999.99"), "EUR", T0.plusSeconds(60), "Alice Example", "1 Main St"));
            repo.save(new Purchase(bob, new BigDecimal("0.10"), "USD", T0, "Bob Example", "2 Side St"));
        });

        List<Purchase> alices = db.tx(em -> new PurchaseRepository(em).findByAccount(alice.getId()));
        assertEquals(2, alices.size());
        assertEquals(new BigDecimal("9999999999.99"), alices.get(0).getAmount());
        assertEquals(new BigDecimal("10.00"), alices.get(1).getAmount());
        assertEquals("EUR", alices.get(1).getCurrency());
        assertEquals("Alice Example", alices.get(1).getFullName());
        List<Purchase> bobs = db.tx(em -> new PurchaseRepository(em).findByAccount(bob.getId()));
        assertEquals(1, bobs.size());
        assertEquals(new BigDecimal("0.10"), bobs.get(0).getAmount());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void presenceLogNewestFirstPerAccount(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("pres-alice");
        Account bob = db.newAccount("pres-bob");
        db.run(em -> {
            PresenceLogRepository repo = new PresenceLogRepository(em);
            repo.save(new PresenceLog(alice, "desk-phone", "open", T0));
            repo.save(new PresenceLog(alice, "softphone", "busy", T0.plusSeconds(30)));
            repo.save(new PresenceLog(bob, "desk-phone", "closed", T0.plusSeconds(60)));
        });
        List<PresenceLog> alices = db.tx(em -> new PresenceLogRepository(em).recentForAccount(alice.getId(), 10));
        assertEquals(List.of("busy", "open"), alices.stream().map(PresenceLog::getState).toList());
        assertEquals(List.of("busy"), db.tx(em -> new PresenceLogRepository(em).recentForAccount(alice.getId(), 1))
                .stream().map(PresenceLog::getState).toList());
        assertEquals(List.of("closed"), db.tx(em -> new PresenceLogRepository(em).recentForAccount(bob.getId(), 10))
                .stream().map(PresenceLog::getState).toList());
    }
}
