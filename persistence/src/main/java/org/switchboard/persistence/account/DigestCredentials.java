package org.switchboard.persistence.account;

import java.io.Serializable;

/** An account's digest credentials as the registrar needs them: who, its status, its HA1 hashes. */
public record DigestCredentials(long accountId, String sipUser, String sipDomain, AccountStatus status, String ha1Md5,
        String ha1Sha256) implements Serializable {
}
