package org.switchboard.application.device;

import java.time.Instant;

/** One phone registered now for a subscriber's address-of-record (a binding of the location service). */
public record Device(String contact, String userAgent, String sourceAddress, String transport, Instant expiresAt,
                     float q) {
}
