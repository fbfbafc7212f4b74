package org.switchboard.persistence.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How long each kind of data is kept, and when the daily purge runs (server time).
 * A single row with id 1, seeded by the V1 migration; staff edit it, nobody inserts another.
 */
@Entity
@Table(name = "retention_settings")
public class RetentionSettings {

    /** The id of the only row. */
    public static final long SINGLETON_ID = 1L;

    @Id
    @Column(name = "id")
    private Long id;

    @Column(name = "trace_days", nullable = false)
    private int traceDays;

    @Column(name = "cdr_months", nullable = false)
    private int cdrMonths;

    @Column(name = "offline_message_days", nullable = false)
    private int offlineMessageDays;

    @Column(name = "presence_days", nullable = false)
    private int presenceDays;

    @Column(name = "voicemail_days", nullable = false)
    private int voicemailDays;

    @Column(name = "money_years", nullable = false)
    private int moneyYears;

    /** Hour (0-23) of the daily purge. */
    @Column(name = "run_hour", nullable = false)
    private int runHour;

    /** Minute (0-59) of the daily purge. */
    @Column(name = "run_minute", nullable = false)
    private int runMinute;

    protected RetentionSettings() {
        // for JPA; the row comes from the migration
    }

    public Long getId() {
        return id;
    }

    public int getTraceDays() {
        return traceDays;
    }

    public void setTraceDays(int traceDays) {
        this.traceDays = traceDays;
    }

    public int getCdrMonths() {
        return cdrMonths;
    }

    public void setCdrMonths(int cdrMonths) {
        this.cdrMonths = cdrMonths;
    }

    public int getOfflineMessageDays() {
        return offlineMessageDays;
    }

    public void setOfflineMessageDays(int offlineMessageDays) {
        this.offlineMessageDays = offlineMessageDays;
    }

    public int getPresenceDays() {
        return presenceDays;
    }

    public void setPresenceDays(int presenceDays) {
        this.presenceDays = presenceDays;
    }

    public int getVoicemailDays() {
        return voicemailDays;
    }

    public void setVoicemailDays(int voicemailDays) {
        this.voicemailDays = voicemailDays;
    }

    public int getMoneyYears() {
        return moneyYears;
    }

    public void setMoneyYears(int moneyYears) {
        this.moneyYears = moneyYears;
    }

    public int getRunHour() {
        return runHour;
    }

    public void setRunHour(int runHour) {
        this.runHour = runHour;
    }

    public int getRunMinute() {
        return runMinute;
    }

    public void setRunMinute(int runMinute) {
        this.runMinute = runMinute;
    }
}
