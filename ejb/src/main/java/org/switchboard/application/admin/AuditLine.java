package org.switchboard.application.admin;

import java.time.Instant;

/** One audit entry as the console and the API show it (read only: nothing edits or deletes the log). */
public record AuditLine(long id, Instant at, String actor, String action, String target, String detail) {
}
