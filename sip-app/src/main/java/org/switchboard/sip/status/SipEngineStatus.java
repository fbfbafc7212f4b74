package org.switchboard.sip.status;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.application.admin.SipEngineLoad;
import org.switchboard.sip.cdr.CallRecords;
import org.switchboard.sip.engine.SipEngine;

/** The admin dashboard's live figures, read from the engine's own counters (memory only, nothing waits). */
@ApplicationScoped
public class SipEngineStatus implements SipEngineLoad {

    @EJB
    SipEngine engine;

    @Inject
    CallRecords calls;

    @Override
    public int callsInProgress() {
        return calls.activeCount();
    }

    @Override
    public long overloadRejections() {
        return engine.overloadRejections();
    }
}
