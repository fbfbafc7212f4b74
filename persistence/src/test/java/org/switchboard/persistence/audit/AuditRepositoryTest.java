package org.switchboard.persistence.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

class AuditRepositoryTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recordsEntriesAndListsTheNewestFirst(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        String run = UUID.randomUUID().toString();
        Instant before = Instant.now().minusSeconds(1);
        db.run(em -> new AuditRepository(em).record("admin", "ACCOUNT_BLOCKED", "sip:alice@example.org", run + " first"));
        db.run(em -> new AuditRepository(em).record("system", "RETENTION_RUN", null, run + " second"));
        db.run(em -> new AuditRepository(em).record("admin", "ACCOUNT_UNBLOCKED", "sip:alice@example.org", run + " third"));

        List<AuditEntry> recent = db.tx(em -> new AuditRepository(em).recent(2));
        assertEquals(2, recent.size());
        assertEquals(run + " third", recent.get(0).getDetail());
        assertEquals(run + " second", recent.get(1).getDetail());

        List<AuditEntry> three = db.tx(em -> new AuditRepository(em).recent(3));
        AuditEntry first = three.get(2);
        assertEquals(run + " first", first.getDetail());
        assertEquals("admin", first.getActor());
        assertEquals("ACCOUNT_BLOCKED", first.getAction());
        assertEquals("sip:alice@example.org", first.getTarget());
        assertNotNull(first.getAt());
        assertFalse(first.getAt().isBefore(before));
        assertFalse(three.get(0).getAt().isBefore(first.getAt()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void cutsOverlongDetailToTheColumnSize(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        String detail = "x".repeat(AuditRepository.MAX_DETAIL + 500);
        long id = db.tx(em -> new AuditRepository(em).record("admin", "NOTE", "t", detail).getId());
        assertEquals(AuditRepository.MAX_DETAIL, db.tx(em -> em.find(AuditEntry.class, id)).getDetail().length());
    }
}
