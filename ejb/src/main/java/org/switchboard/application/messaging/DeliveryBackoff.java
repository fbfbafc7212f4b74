package org.switchboard.application.messaging;

import java.time.Duration;
import java.time.Instant;

/**
 * When a stored message is tried again after an attempt that got no answer: the first delay after
 * the first attempt, doubled after each further one, never more than the maximum (exponential
 * back-off, so a phone that stays silent costs less and less).
 */
public record DeliveryBackoff(Duration first, Duration max) {

    /** The delay after {@code attempts} failed attempts (1 = the first). */
    public Duration after(int attempts) {
        if (attempts <= 1) {
            return first;
        }
        int doublings = Math.min(attempts - 1, 30); // 2^30 times any delay is past every maximum
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** When the next attempt is due, {@code attempts} failed ones so far. */
    public Instant nextAttempt(Instant now, int attempts) {
        return now.plus(after(attempts));
    }
}
