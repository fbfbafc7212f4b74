package org.switchboard.persistence.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

/** The group commit's SQL on H2 and PostgreSQL: recipients with their counts, rows in one batch. */
class OfflineMessageBatchTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recipientsWithStatusAndWhatTheyHoldThenABatchReadBackAsTheQueueSeesIt(TestDatabase kind) throws Exception {
        MigratedDatabase db = kind.open();
        Account bob = db.newAccount("b-bob");
        Account carol = db.newAccount("b-carol");
        db.run(em -> {
            em.find(Account.class, carol.getId()).setStatus(AccountStatus.BLOCKED);
            OfflineMessageRepository repo = new OfflineMessageRepository(em);
            repo.save(new OfflineMessage("sip:a@example.org", em.find(Account.class, bob.getId()), "text/plain", "held",
                    T0, T0.plusSeconds(3600)));
            repo.save(new OfflineMessage("sip:a@example.org", em.find(Account.class, bob.getId()), "text/plain", "expired",
                    T0.minusSeconds(7200), T0.minusSeconds(1)));
        });
        byte[] body = {0, (byte) 0xff, 13, 10};
        try (Connection connection = db.dataSource().getConnection()) {
            Map<String, OfflineMessageBatch.Recipient> found = OfflineMessageBatch.recipients(connection,
                    bob.getSipDomain(), List.of(bob.getSipUser(), carol.getSipUser(), "nobody"), T0, 10);
            assertEquals(new OfflineMessageBatch.Recipient(bob.getId(), AccountStatus.ACTIVE, 1), found.get(bob.getSipUser()));
            assertEquals(AccountStatus.BLOCKED, found.get(carol.getSipUser()).status());
            assertFalse(found.containsKey("nobody"));
            assertEquals(1, OfflineMessageBatch.recipients(connection, bob.getSipDomain(), List.of(bob.getSipUser()),
                    T0.minusSeconds(3600), 1).get(bob.getSipUser()).pending(), "counted up to the maximum asked only");
            assertEquals(30, OfflineMessageBatch.retentionDays(connection));

            OfflineMessageBatch.insert(connection, List.of(
                    new OfflineMessageRow("sip:x@example.net", bob.getId(), "sip:bob@127.0.0.1", "application/octet-stream",
                            body, T0.plusSeconds(1), 0, T0.plusSeconds(1), T0.plusSeconds(86_400)),
                    new OfflineMessageRow("sip:y@example.net", bob.getId(), bob.sipUri(), "text/plain",
                            "tried".getBytes(java.nio.charset.StandardCharsets.UTF_8), T0.plusSeconds(2), 1,
                            T0.plusSeconds(32), T0.plusSeconds(86_400))));
        }
        List<OfflineMessage> pending = db.tx(em -> new OfflineMessageRepository(em).pendingFor(bob.getId(), T0));
        assertEquals(3, pending.size());
        OfflineMessage first = pending.get(1);
        assertEquals("sip:x@example.net", first.getSenderUri());
        assertEquals("sip:bob@127.0.0.1", first.getRecipientUri());
        assertEquals("application/octet-stream", first.getContentType());
        assertArrayEquals(body, first.getBody());
        assertEquals(T0.plusSeconds(1), first.getReceivedAt());
        assertEquals(0, first.getAttempts());
        assertNull(first.getClaimedUntil());
        OfflineMessage tried = pending.get(2);
        assertEquals(1, tried.getAttempts());
        assertEquals(T0.plusSeconds(32), tried.getNextAttemptAt());
        assertEquals(T0.plusSeconds(86_400), tried.getExpiresAt());
    }
}
