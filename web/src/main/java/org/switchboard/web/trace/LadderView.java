package org.switchboard.web.trace;

import java.util.List;
import org.switchboard.application.trace.TraceLine;

/** What the ladder include (WEB-INF/includes/ladder.xhtml) shows of a call: the portal's and the console's trace pages. */
public abstract class LadderView {

    protected List<TraceLine> lines = List.of();

    public String getSvg() {
        return lines.isEmpty() ? "" : LadderDiagram.svg(lines);
    }

    public String offset(TraceLine line) {
        return TraceText.offset(lines, line);
    }

    public List<TraceLine> getLines() {
        return lines;
    }
}
