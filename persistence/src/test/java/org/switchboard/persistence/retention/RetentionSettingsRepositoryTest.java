package org.switchboard.persistence.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

class RetentionSettingsRepositoryTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void migrationSeedsTheDefaultsAndEditsPersist(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        RetentionSettings s = db.tx(em -> new RetentionSettingsRepository(em).get());
        assertEquals(1L, s.getId());
        assertEquals(7, s.getTraceDays());
        assertEquals(6, s.getCdrMonths());
        assertEquals(30, s.getOfflineMessageDays());
        assertEquals(7, s.getPresenceDays());
        assertEquals(90, s.getVoicemailDays());
        assertEquals(7, s.getMoneyYears());
        assertEquals(3, s.getRunHour());
        assertEquals(30, s.getRunMinute());
        assertEquals(1L, (long) db.tx(em -> em.createQuery("select count(r) from RetentionSettings r", Long.class).getSingleResult()));

        try {
            db.run(em -> new RetentionSettingsRepository(em).get().setTraceDays(14));
            assertEquals(14, db.tx(em -> new RetentionSettingsRepository(em).get()).getTraceDays());
        } finally {
            // The row is shared by the whole run: put the default back.
            db.run(em -> new RetentionSettingsRepository(em).get().setTraceDays(7));
        }
    }
}
