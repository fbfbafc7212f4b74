package org.switchboard.web.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.switchboard.application.trace.TraceLine;
import org.switchboard.web.trace.TraceText;

/** A call's trace as the APIs serve it: text/plain (TraceText), or JSON when the client asks for JSON first. */
final class TraceResponse {

    private TraceResponse() {
    }

    static Response of(String callId, List<TraceLine> lines, HttpHeaders headers) {
        boolean json = headers.getAcceptableMediaTypes().stream().findFirst()
                .map(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()).orElse(false);
        if (json) {
            return Response.ok(lines, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(TraceText.of(callId, lines), "text/plain; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"trace.txt\"").build();
    }
}
