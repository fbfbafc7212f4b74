package org.switchboard.application.audit;

import org.switchboard.persistence.audit.AuditRepository;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Appends to the audit log in its own transaction, so that a retention run, which works outside any
 * transaction, can record what it did, and a failure of the audited work does not lose the entry.
 */
@Stateless
public class AuditLog {

    @Inject
    AuditRepository audit;

    public void record(String actor, String action, String target, String detail) {
        audit.record(actor, action, target, detail);
    }
}
