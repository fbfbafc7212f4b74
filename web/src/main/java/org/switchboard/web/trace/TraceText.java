package org.switchboard.web.trace;

import java.time.Duration;
import java.util.List;
import org.switchboard.application.trace.TraceLine;

/** A whole trace as plain text: every message in time order with its time, offset, direction and addresses. */
public final class TraceText {

    private TraceText() {
    }

    public static String of(String callId, List<TraceLine> lines) {
        StringBuilder text = new StringBuilder("Call-ID: ").append(callId).append('\n')
                .append("Messages: ").append(lines.size()).append("\n\n");
        for (TraceLine line : lines) {
            text.append(line.time()).append("  +").append(offset(lines, line)).append("  ")
                    .append(line.direction()).append(' ').append(line.transport()).append(' ')
                    .append(line.source()).append(" -> ").append(line.destination()).append('\n')
                    .append(line.rawText().replace("\r\n", "\n").stripTrailing()).append("\n\n");
        }
        return text.toString();
    }

    /** Seconds since the first message, e.g. "1.250s". */
    public static String offset(List<TraceLine> lines, TraceLine line) {
        long millis = Duration.between(lines.get(0).time(), line.time()).toMillis();
        return String.format(java.util.Locale.ROOT, "%d.%03ds", millis / 1000, millis % 1000);
    }
}
