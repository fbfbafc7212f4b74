package org.switchboard.web.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.switchboard.application.cdr.CallRow;

/** The call history as CSV (RFC 4180: CRLF, fields with commas or quotes quoted), Call-ID in a column. */
final class CdrCsv {

    static final String HEADER = "id,call_id,start,answer,end,direction,peer,duration_seconds,result,"
            + "own_signaling,own_media,peer_signaling,peer_media\r\n";

    private CdrCsv() {
    }

    static void row(Writer out, CallRow c) {
        try {
            out.write(String.join(",", Long.toString(c.id()), field(c.callId()), field(c.start()), field(c.answer()),
                    field(c.end()), c.direction(), field(c.peer()), Integer.toString(c.durationSeconds()), field(c.result()),
                    field(c.ownSignaling()), field(c.ownMedia()), field(c.peerSignaling()), field(c.peerMedia())));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading = + - @ would be a formula to a spreadsheet (CSV injection): quote and prefix it.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.startsWith("'")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
