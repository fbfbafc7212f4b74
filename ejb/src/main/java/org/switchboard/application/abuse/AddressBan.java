package org.switchboard.application.abuse;

import java.io.Serializable;
import java.time.Instant;

/**
 * A source address banned now, as support sees it: since when (this ban), until when, why, and
 * its strike count (how many times it was banned while earlier bans were remembered; each strike
 * doubles the ban).
 */
public record AddressBan(String address, String reason, Instant since, Instant until, int strikes) implements Serializable {
}
