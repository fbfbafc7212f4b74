package org.switchboard.persistence.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * The digest secrets of one account: HA1 hashes only (MD5 for old phones, SHA-256 for RFC 8760 ones),
 * never the clear password.
 */
@Entity
@Table(name = "sip_credential")
public class SipCredential {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, unique = true)
    private Account account;

    @Column(name = "ha1_md5", nullable = false, length = 32)
    private String ha1Md5;

    @Column(name = "ha1_sha256", nullable = false, length = 64)
    private String ha1Sha256;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SipCredential() {
        // for JPA
    }

    public SipCredential(Account account, String ha1Md5, String ha1Sha256, Instant updatedAt) {
        this.account = account;
        this.ha1Md5 = ha1Md5;
        this.ha1Sha256 = ha1Sha256;
        this.updatedAt = updatedAt;
    }

    /** Derives both HA1 values from a new password (realm = the account's SIP domain) and forgets the password. */
    public static SipCredential forPassword(Account account, String password, Instant now) {
        String user = account.getSipUser();
        String realm = account.getSipDomain();
        return new SipCredential(account, DigestHa1.md5(user, realm, password), DigestHa1.sha256(user, realm, password), now);
    }

    /** Replaces both hashes, e.g. on a password change. */
    public void changePassword(String password, Instant now) {
        String user = account.getSipUser();
        String realm = account.getSipDomain();
        this.ha1Md5 = DigestHa1.md5(user, realm, password);
        this.ha1Sha256 = DigestHa1.sha256(user, realm, password);
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public String getHa1Md5() {
        return ha1Md5;
    }

    public String getHa1Sha256() {
        return ha1Sha256;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
