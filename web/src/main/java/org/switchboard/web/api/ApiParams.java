package org.switchboard.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.switchboard.persistence.cdr.CdrSort;

/** Query parameters both APIs read the same way; a bad one is a 400 saying which and why. */
final class ApiParams {

    static final int MAX_PAGE = 500;

    private ApiParams() {
    }

    static int pageSize(int max) {
        return Math.max(1, Math.min(max, MAX_PAGE));
    }

    static CdrSort sort(String sort) {
        return switch (sort) {
            case "start" -> CdrSort.START;
            case "duration" -> CdrSort.DURATION;
            case "result" -> CdrSort.DISPOSITION;
            default -> throw new ApiErrors.BadRequest("sort must be start, duration or result, not " + sort + ".");
        };
    }

    /** An ISO instant (2026-01-31T00:00:00Z) or a day (2026-01-31, midnight UTC). */
    static Instant instant(String name, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiErrors.BadRequest(name + " must be a day (2026-01-31) or an instant (2026-01-31T00:00:00Z), not " + value + ".");
        }
    }
}
