package org.switchboard.application.abuse;

import java.util.List;

/**
 * The SIP engine's address bans, for support: implemented in sip-app (the bans are memory of that
 * node's engine; sip-app depends on this module, never the other way round); absent when no SIP
 * engine is deployed.
 */
public interface AddressBans {

    /** Bans in force now, the longest remaining first. */
    List<AddressBan> current();

    /**
     * Lifts the ban of a numeric address at once (its strikes are forgotten too); the ban lifted, or
     * null when the address was not banned.
     */
    AddressBan lift(String address);
}
