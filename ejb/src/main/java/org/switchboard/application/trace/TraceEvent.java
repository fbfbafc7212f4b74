package org.switchboard.application.trace;

import org.switchboard.persistence.trace.TraceDirection;

import java.time.Instant;

/**
 * One SIP message as the engine saw it, handed to {@link TraceRecorder}. Built on the SIP path,
 * so it holds plain values only; accounts are resolved from the SIP users when the batch is written.
 *
 * @param method     the request method, null for a response
 * @param statusCode the response status, null for a request
 * @param cseqMethod the method of the transaction (CSeq), which decides whether it is kept
 * @param fromUser   the local SIP user of the From side, or null
 * @param toUser     the local SIP user of the To side, or null
 */
public record TraceEvent(String callId, Instant time, TraceDirection direction, String transport,
                         String sourceIp, int sourcePort, String destinationIp, int destinationPort,
                         String method, Integer statusCode, String cseqMethod, String rawText,
                         String fromUser, String toUser) {
}
