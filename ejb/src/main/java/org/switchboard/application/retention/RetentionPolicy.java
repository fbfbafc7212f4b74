package org.switchboard.application.retention;

import org.switchboard.persistence.retention.RetentionSettings;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How long each kind of data is kept and when the nightly run happens: a validated copy of the
 * {@code retention_settings} row. An invalid policy can't be constructed, so neither the timer nor
 * the admin console can purge with a zero window or shorten the legal seven years of money records.
 */
public record RetentionPolicy(int traceDays, int cdrMonths, int offlineMessageDays, int presenceDays,
                              int voicemailDays, int moneyYears, int runHour, int runMinute) {

    /** Accounting law: money records are kept at least seven years after the purchase. */
    public static final int MIN_MONEY_YEARS = 7;

    public RetentionPolicy {
        List<String> problems = new ArrayList<>();
        atLeastOne(problems, "Session traces", traceDays, "day");
        atLeastOne(problems, "Call detail records", cdrMonths, "month");
        atLeastOne(problems, "Offline messages", offlineMessageDays, "day");
        atLeastOne(problems, "Presence logs", presenceDays, "day");
        atLeastOne(problems, "Stored voicemails", voicemailDays, "day");
        if (moneyYears < MIN_MONEY_YEARS) {
            problems.add("Money records must be kept at least " + MIN_MONEY_YEARS
                    + " years after the purchase (the law requires it), not " + moneyYears + ".");
        }
        if (runHour < 0 || runHour > 23) {
            problems.add("The nightly run hour must be 0 to 23, not " + runHour + ".");
        }
        if (runMinute < 0 || runMinute > 59) {
            problems.add("The nightly run minute must be 0 to 59, not " + runMinute + ".");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRetentionSettingsException(String.join(" ", problems));
        }
    }

    private static void atLeastOne(List<String> problems, String what, int value, String unit) {
        if (value < 1) {
            problems.add(what + " must be kept at least 1 " + unit + ", not " + value + ".");
        }
    }

    public static RetentionPolicy of(RetentionSettings row) {
        return new RetentionPolicy(row.getTraceDays(), row.getCdrMonths(), row.getOfflineMessageDays(),
                row.getPresenceDays(), row.getVoicemailDays(), row.getMoneyYears(), row.getRunHour(), row.getRunMinute());
    }

    /** Copies this policy into the settings row. */
    public void applyTo(RetentionSettings row) {
        row.setTraceDays(traceDays);
        row.setCdrMonths(cdrMonths);
        row.setOfflineMessageDays(offlineMessageDays);
        row.setPresenceDays(presenceDays);
        row.setVoicemailDays(voicemailDays);
        row.setMoneyYears(moneyYears);
        row.setRunHour(runHour);
        row.setRunMinute(runMinute);
    }

    /**
     * The cutoffs at {@code now}: rows older than these go. Months and years are calendar months and
     * years in UTC, so "6 months" from 31 August is 28 (or 29) February, not 182 days.
     */
    public Cutoffs cutoffs(Instant now) {
        var utc = now.atOffset(ZoneOffset.UTC);
        return new Cutoffs(
                utc.minusDays(traceDays).toInstant(),
                utc.minusMonths(cdrMonths).toInstant(),
                now,
                utc.minusDays(presenceDays).toInstant(),
                utc.minusDays(voicemailDays).toInstant(),
                utc.minusYears(moneyYears).toInstant());
    }

    /**
     * Where each window ends. Offline messages carry their own expiry, so their cutoff is simply now.
     */
    public record Cutoffs(Instant traces, Instant cdrs, Instant offlineMessagesExpiredBy, Instant presenceLogs,
                          Instant voicemails, Instant moneyRecords) {
    }
}
