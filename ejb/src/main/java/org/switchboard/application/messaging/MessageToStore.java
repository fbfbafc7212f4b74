package org.switchboard.application.messaging;

/**
 * A MESSAGE to store: {@code afterFailedAttempt} when the recipient's phones were tried and did
 * not take it, so that counts as the first attempt and the next waits for the back-off.
 */
public record MessageToStore(IncomingMessage message, boolean afterFailedAttempt) {
}
