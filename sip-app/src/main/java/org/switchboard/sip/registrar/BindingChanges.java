package org.switchboard.sip.registrar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.sip.location.Binding;

/**
 * The rules of RFC 3261 section 10.3 steps 6 to 8, applied to the current bindings of one AOR:
 * what the bindings become after a REGISTER, or why it fails. No I/O, so every rule has a unit test.
 */
final class BindingChanges {

    /** Who sent the REGISTER: stored with each binding for the proxy (NAT) and the admin console. */
    record Source(String host, int port, String transport, String userAgent) {
    }

    private final String callId;
    private final long cseq;
    private final Source source;
    private final int maxContacts;
    private final Instant now;

    BindingChanges(String callId, long cseq, Source source, int maxContacts, Instant now) {
        this.callId = callId;
        this.cseq = cseq;
        this.source = source;
        this.maxContacts = maxContacts;
        this.now = now;
    }

    /** Adds, refreshes and removes (expires 0) the given contacts. */
    List<Binding> apply(List<Binding> current, List<ContactUpdate> updates) {
        List<Binding> result = new ArrayList<>(current);
        for (ContactUpdate update : updates) {
            Binding existing = find(result, update.contactUri());
            if (existing != null) {
                checkOrder(existing);
                result.remove(existing);
            }
            if (update.expires() > 0) {
                result.add(new Binding(update.contactUri(), source.host(), source.port(), source.transport(), update.q(),
                        now.plusSeconds(update.expires()), callId, cseq, source.userAgent()));
            }
        }
        if (result.size() > maxContacts) {
            throw new RegistrationRejected(403, "Too many contacts (at most " + maxContacts + ")");
        }
        return result;
    }

    /** Contact "*" with Expires 0: removes every binding, subject to the same Call-ID/CSeq rule. */
    List<Binding> removeAll(List<Binding> current) {
        current.forEach(this::checkOrder);
        return List.of();
    }

    /**
     * Same Call-ID means the same client: its CSeq must have grown, or this REGISTER is older than
     * the one that made the binding and must fail (RFC 3261 section 10.3 step 7). A different Call-ID
     * is another client (or a rebooted one) and simply wins.
     */
    private void checkOrder(Binding existing) {
        if (existing.callId().equals(callId) && cseq <= existing.cseq()) {
            throw new RegistrationRejected(500, "Out of order CSeq for this Call-ID");
        }
    }

    private static Binding find(List<Binding> bindings, String contactUri) {
        for (Binding binding : bindings) {
            if (binding.contactUri().equals(contactUri)) {
                return binding;
            }
        }
        return null;
    }
}
