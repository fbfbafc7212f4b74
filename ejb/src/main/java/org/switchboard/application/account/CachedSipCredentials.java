package org.switchboard.application.account;

/** A cache of digest credentials kept by the SIP engine, told when an account's credentials change. */
public interface CachedSipCredentials {

    /** Drops what is cached for {@code user@domain}: the next request reads the database. */
    void forget(String user, String domain);
}
