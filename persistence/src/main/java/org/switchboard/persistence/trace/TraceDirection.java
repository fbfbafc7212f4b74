package org.switchboard.persistence.trace;

/** Whether the proxy received ({@code IN}) or sent ({@code OUT}) the message; stored by name. */
public enum TraceDirection {
    IN,
    OUT
}
