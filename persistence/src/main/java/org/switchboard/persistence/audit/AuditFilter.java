package org.switchboard.persistence.audit;

import java.time.Instant;

/**
 * What the audit log page and API filter on; a null or blank field matches everything. The actor and
 * action match exactly (case-insensitive), the target exactly (e.g. "account #12"); {@code from} is
 * included, {@code to} excluded.
 */
public record AuditFilter(String actor, String action, String target, Instant from, Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

    boolean has(String value) {
        return value != null && !value.isBlank();
    }
}
