package org.switchboard.persistence.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** A subscriber's voicemail choices: whether it answers, and where recordings go (mail, server, or both). */
@Entity
@Table(name = "voicemail_settings")
public class VoicemailSettings {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, unique = true)
    private Account account;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "send_by_email", nullable = false)
    private boolean sendByEmail;

    @Column(name = "store_on_server", nullable = false)
    private boolean storeOnServer;

    /** Seconds the phones ring before voicemail answers; null: the service's default. */
    @Column(name = "no_answer_seconds")
    private Integer noAnswerSeconds;

    protected VoicemailSettings() {
        // for JPA
    }

    public VoicemailSettings(Account account, boolean enabled, boolean sendByEmail, boolean storeOnServer) {
        this.account = account;
        this.enabled = enabled;
        this.sendByEmail = sendByEmail;
        this.storeOnServer = storeOnServer;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isSendByEmail() {
        return sendByEmail;
    }

    public void setSendByEmail(boolean sendByEmail) {
        this.sendByEmail = sendByEmail;
    }

    public boolean isStoreOnServer() {
        return storeOnServer;
    }

    public void setStoreOnServer(boolean storeOnServer) {
        this.storeOnServer = storeOnServer;
    }

    public Integer getNoAnswerSeconds() {
        return noAnswerSeconds;
    }

    public void setNoAnswerSeconds(Integer noAnswerSeconds) {
        this.noAnswerSeconds = noAnswerSeconds;
    }
}
