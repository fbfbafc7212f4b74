package org.switchboard.web.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.switchboard.application.admin.AuditLine;

/** The audit log as CSV (RFC 4180: CRLF, fields quoted where needed, formulas defused). */
final class AuditCsv {

    static final String HEADER = "id,at,actor,action,target,detail\r\n";

    private AuditCsv() {
    }

    static void row(Writer out, AuditLine line) {
        try {
            out.write(String.join(",", Long.toString(line.id()), Csv.field(line.at()), Csv.field(line.actor()),
                    Csv.field(line.action()), Csv.field(line.target()), Csv.field(line.detail())));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
