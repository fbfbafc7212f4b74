package org.switchboard.persistence.voicemail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

/** The voicemail mail outbox: due order, claims, sending, failure back-off, and cascade with its voicemail. */
class VoicemailMailRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dueMailsAreClaimedOnceAndSentOrRetried(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("outbox-alice");
        long kept = queue(db, alice, "vm/a/1.wav", true, T0);
        long dropped = queue(db, alice, "vm/a/2.wav", false, T0.plusSeconds(1));
        long later = queue(db, alice, "vm/a/3.wav", true, T0.plusSeconds(600));

        List<VoicemailMail> due = db.tx(em -> new VoicemailMailRepository(em).due(T0.plusSeconds(5), 10));
        assertEquals(List.of(kept, dropped), due.stream().map(m -> m.getVoicemail().getId()).toList());
        VoicemailMail first = due.get(0);
        boolean claimed = db.tx(em -> new VoicemailMailRepository(em).claim(first.getId(), T0, T0.plusSeconds(300)));
        boolean claimedAgain = db.tx(em -> new VoicemailMailRepository(em).claim(first.getId(), T0, T0.plusSeconds(300)));
        assertTrue(claimed);
        assertFalse(claimedAgain, "a second node finds it already taken");

        db.run(em -> new VoicemailMailRepository(em).find(first.getId()).orElseThrow().failed("SMTP down", T0.plusSeconds(30)));
        VoicemailMail retried = db.tx(em -> new VoicemailMailRepository(em).find(first.getId()).orElseThrow());
        assertEquals(1, retried.getAttempts());
        assertEquals("SMTP down", retried.getLastError());
        assertEquals(T0.plusSeconds(30), retried.getNextAttemptAt());

        db.run(em -> {
            VoicemailMailRepository outbox = new VoicemailMailRepository(em);
            outbox.sent(outbox.forVoicemail(kept).orElseThrow(), T0.plusSeconds(40));
            outbox.sent(outbox.forVoicemail(dropped).orElseThrow(), T0.plusSeconds(41));
        });
        Voicemail keptVoicemail = db.tx(em -> em.find(Voicemail.class, kept));
        assertEquals("vm/a/1.wav", keptVoicemail.getAudioRef());
        assertEquals(T0.plusSeconds(40), keptVoicemail.getMailedAt());
        Voicemail droppedVoicemail = db.tx(em -> em.find(Voicemail.class, dropped));
        assertNull(droppedVoicemail.getAudioRef(), "storage off: the reference goes once mailed");
        assertEquals(T0.plusSeconds(41), droppedVoicemail.getMailedAt());
        assertEquals(List.of(later), db.tx(em -> new VoicemailMailRepository(em).due(T0.plusSeconds(3600), 10))
                .stream().map(m -> m.getVoicemail().getId()).toList());

        // Retention or account deletion removes a voicemail: its pending mail goes with it.
        db.run(em -> new VoicemailRepository(em).deleteByIds(List.of(later)));
        assertTrue(db.tx(em -> new VoicemailMailRepository(em).forVoicemail(later)).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void messageCountsPerAccount(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("mwi-alice");
        Account bob = db.newAccount("mwi-bob");
        assertEquals(new MessageCounts(0, 0), db.tx(em -> new VoicemailRepository(em).countsForAccount(alice.getId())));
        long heard = db.tx(em -> new VoicemailRepository(em).save(new Voicemail(alice, "sip:x@y", T0, 3, null)).getId());
        db.tx(em -> new VoicemailRepository(em).save(new Voicemail(alice, "sip:x@y", T0, 4, null)).getId());
        db.tx(em -> new VoicemailRepository(em).save(new Voicemail(bob, "sip:x@y", T0, 4, null)).getId());
        db.run(em -> em.find(Voicemail.class, heard).markHeard(T0.plusSeconds(9)));
        MessageCounts counts = db.tx(em -> new VoicemailRepository(em).countsForAccount(alice.getId()));
        assertEquals(new MessageCounts(1, 1), counts);
        assertTrue(counts.waiting());
    }

    private static long queue(MigratedDatabase db, Account account, String audio, boolean keep, Instant due) {
        return db.tx(em -> {
            Voicemail voicemail = new VoicemailRepository(em).save(new Voicemail(account, "sip:carol@example.org", due, 5, audio));
            new VoicemailMailRepository(em).save(new VoicemailMail(voicemail, "alice@localhost", keep, due));
            return voicemail.getId();
        });
    }
}
