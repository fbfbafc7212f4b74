package org.switchboard.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.location.Binding;

class BindingChangesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final BindingChanges.Source SOURCE = new BindingChanges.Source("192.0.2.7", 40000, "UDP", "phone/1");

    private static BindingChanges register(String callId, long cseq) {
        return new BindingChanges(callId, cseq, SOURCE, 3, NOW);
    }

    @Test
    void addsRefreshesAndRemoves() {
        List<Binding> one = register("a", 1).apply(List.of(), List.of(new ContactUpdate("sip:alice@10.0.0.1", 600, 1.0f)));
        assertEquals(1, one.size());
        assertEquals(NOW.plusSeconds(600), one.get(0).expiresAt());
        assertEquals("192.0.2.7", one.get(0).sourceHost());

        List<Binding> refreshed = register("a", 2).apply(one, List.of(new ContactUpdate("sip:alice@10.0.0.1", 900, 0.5f)));
        assertEquals(1, refreshed.size());
        assertEquals(NOW.plusSeconds(900), refreshed.get(0).expiresAt());
        assertEquals(0.5f, refreshed.get(0).q());

        assertEquals(List.of(), register("a", 3).apply(refreshed, List.of(new ContactUpdate("sip:alice@10.0.0.1", 0, 1.0f))));
    }

    @Test
    void severalContactsUpToTheMaximum() {
        List<Binding> three = register("a", 1).apply(List.of(), List.of(
                new ContactUpdate("sip:alice@10.0.0.1", 600, 1.0f),
                new ContactUpdate("sip:alice@10.0.0.2", 600, 0.7f),
                new ContactUpdate("sip:alice@10.0.0.3", 600, 0.1f)));
        assertEquals(3, three.size());
        RegistrationRejected tooMany = assertThrows(RegistrationRejected.class,
                () -> register("b", 1).apply(three, List.of(new ContactUpdate("sip:alice@10.0.0.4", 600, 1.0f))));
        assertEquals(403, tooMany.status);
    }

    @Test
    void sameCallIdWithOlderOrEqualCseqFails() {
        List<Binding> one = register("a", 5).apply(List.of(), List.of(new ContactUpdate("sip:alice@10.0.0.1", 600, 1.0f)));
        for (long cseq : new long[] {4, 5}) {
            RegistrationRejected old = assertThrows(RegistrationRejected.class,
                    () -> register("a", cseq).apply(one, List.of(new ContactUpdate("sip:alice@10.0.0.1", 600, 1.0f))));
            assertEquals(500, old.status);
        }
        assertThrows(RegistrationRejected.class, () -> register("a", 5).removeAll(one));
    }

    @Test
    void otherCallIdWinsWhateverItsCseq() {
        List<Binding> one = register("a", 5).apply(List.of(), List.of(new ContactUpdate("sip:alice@10.0.0.1", 600, 1.0f)));
        List<Binding> replaced = register("b", 1).apply(one, List.of(new ContactUpdate("sip:alice@10.0.0.1", 300, 1.0f)));
        assertEquals("b", replaced.get(0).callId());
        assertEquals(List.of(), register("c", 1).removeAll(replaced));
    }
}
