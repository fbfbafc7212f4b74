package org.switchboard.application.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final RetentionPolicy DEFAULTS = new RetentionPolicy(7, 6, 30, 7, 90, 7, 3, 30);

    private static String refused(int trace, int cdr, int msg, int presence, int vm, int money, int hour, int minute) {
        return assertThrows(InvalidRetentionSettingsException.class,
                () -> new RetentionPolicy(trace, cdr, msg, presence, vm, money, hour, minute)).getMessage();
    }

    @Test
    void zeroOrNegativeWindowsAreRefusedSayingWhich() {
        assertEquals("Session traces must be kept at least 1 day, not 0.", refused(0, 6, 30, 7, 90, 7, 3, 30));
        assertEquals("Call detail records must be kept at least 1 month, not -1.", refused(7, -1, 30, 7, 90, 7, 3, 30));
        assertEquals("Presence logs must be kept at least 1 day, not 0.", refused(7, 6, 30, 0, 90, 7, 3, 30));
        assertEquals("Stored voicemails must be kept at least 1 day, not 0.", refused(7, 6, 30, 7, 0, 7, 3, 30));
        assertEquals("Offline messages must be kept at least 1 day, not 0.", refused(7, 6, 0, 7, 90, 7, 3, 30));
        String both = refused(0, 0, 30, 7, 90, 7, 3, 30);
        assertTrue(both.contains("Session traces") && both.contains("Call detail records"), both);
    }

    @Test
    void theSevenYearsOfMoneyRecordsCannotBeShortened() {
        assertEquals("Money records must be kept at least 7 years after the purchase (the law requires it), not 6.",
                refused(7, 6, 30, 7, 90, 6, 3, 30));
        assertEquals(10, new RetentionPolicy(7, 6, 30, 7, 90, 10, 3, 30).moneyYears());
    }

    @Test
    void theNightlyTimeMustBeAClockTime() {
        assertEquals("The nightly run hour must be 0 to 23, not 24.", refused(7, 6, 30, 7, 90, 7, 24, 30));
        assertEquals("The nightly run minute must be 0 to 59, not 60.", refused(7, 6, 30, 7, 90, 7, 3, 60));
    }

    @Test
    void cutoffsAreCalendarDaysMonthsAndYearsBeforeNow() {
        Instant now = Instant.parse("2026-08-31T03:30:00Z");
        RetentionPolicy.Cutoffs c = DEFAULTS.cutoffs(now);
        assertEquals(Instant.parse("2026-08-24T03:30:00Z"), c.traces());
        // Six months before 31 August is the last day of February.
        assertEquals(Instant.parse("2026-02-28T03:30:00Z"), c.cdrs());
        assertEquals(now, c.offlineMessagesExpiredBy());
        assertEquals(Instant.parse("2026-08-24T03:30:00Z"), c.presenceLogs());
        assertEquals(Instant.parse("2026-06-02T03:30:00Z"), c.voicemails());
        assertEquals(Instant.parse("2019-08-31T03:30:00Z"), c.moneyRecords());
    }
}
