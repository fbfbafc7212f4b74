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
            out.write(String.join(",", Long.toString(c.id()), Csv.field(c.callId()), Csv.field(c.start()), Csv.field(c.answer()),
                    Csv.field(c.end()), c.direction(), Csv.field(c.peer()), Integer.toString(c.durationSeconds()), Csv.field(c.result()),
                    Csv.field(c.ownSignaling()), Csv.field(c.ownMedia()), Csv.field(c.peerSignaling()), Csv.field(c.peerMedia())));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
