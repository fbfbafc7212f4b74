package org.switchboard.sip.auth;

import java.io.Serializable;
import org.switchboard.persistence.account.AccountStatus;

/**
 * What authentication needs of an account, detached from JPA so it can sit in the credentials
 * cache: who it is, whether it may register, and its HA1 hashes (never a password).
 */
public record DigestAccount(long accountId, String user, String domain, AccountStatus status, String ha1Md5,
        String ha1Sha256) implements Serializable {

    public String ha1(DigestAlgorithm algorithm) {
        return algorithm == DigestAlgorithm.SHA_256 ? ha1Sha256 : ha1Md5;
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }
}
