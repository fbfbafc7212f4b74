package org.switchboard.application.admin;

import java.io.Serializable;
import java.time.Instant;

/**
 * An account's open flags for one residential limit, as support sees them: which limit ({@code
 * kind}, and the last flag's words), when first and last, how many times.
 */
public record AbuseFlagGroup(String sipUser, String sipUri, String kind, String limit, String latestDetail,
                             Instant first, Instant latest, int count) implements Serializable {
}
