package org.switchboard.web.api;

/** Every API error's body: a message a person can read, never a stack trace. */
public record ErrorMessage(String message) {
}
