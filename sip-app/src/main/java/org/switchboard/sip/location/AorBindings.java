package org.switchboard.sip.location;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** What the location cache keeps per address-of-record: its bindings, immutable. */
record AorBindings(List<Binding> bindings) implements Serializable {

    AorBindings {
        bindings = List.copyOf(bindings);
    }

    List<Binding> current(Instant now) {
        return bindings.stream().filter(b -> !b.isExpired(now)).toList();
    }
}
