package org.switchboard.application.trace;

import java.time.Instant;
import org.switchboard.persistence.trace.TraceMessage;

/** One traced SIP message, detached: the ladder diagram's arrow and the text download's paragraph. */
public record TraceLine(long id, Instant time, String direction, String transport, String source, String destination,
                        String method, Integer statusCode, String cseqMethod, String rawText) {

    static TraceLine of(TraceMessage m) {
        return new TraceLine(m.getId(), m.getMessageTime(), m.getDirection().name(), m.getTransport(),
                address(m.getSourceIp(), m.getSourcePort()), address(m.getDestinationIp(), m.getDestinationPort()),
                m.getMethod(), m.getStatusCode(), m.getCseqMethod(), m.getRawText());
    }

    private static String address(String ip, int port) {
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
    }

    /** "INVITE", or "180 INVITE" for a reply. */
    public String label() {
        return method != null ? method : statusCode + " " + cseqMethod;
    }

    /** request, provisional, success or failure: the colour of the arrow. */
    public String kind() {
        if (method != null) {
            return "request";
        }
        return statusCode < 200 ? "provisional" : statusCode < 300 ? "success" : "failure";
    }
}
