package org.switchboard.application.messaging;

/**
 * What the answer to a MESSAGE means for the stored copy, and for a MESSAGE being proxied whether
 * it is to be stored: 2xx delivered (deleted); 408, 480, 503 or no answer at all (status 0) the
 * recipient is away, tried again later; anything else (415, 488, 6xx, ...) a refusal of this
 * message that trying again won't change: removed and counted, so it never blocks the
 * recipient's later messages.
 */
public enum DeliveryOutcome {
    DELIVERED,
    RETRY,
    REFUSED;

    /** Status 0 stands for "no answer in time". */
    public static DeliveryOutcome of(int status) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        return isAway(status) ? RETRY : REFUSED;
    }

    /** The answers that mean "not reachable now" (RFC 3261 21.4.9, 21.4.18, 21.5.4), or none (0). */
    public static boolean isAway(int status) {
        return status == 0 || status == 408 || status == 480 || status == 503;
    }
}
