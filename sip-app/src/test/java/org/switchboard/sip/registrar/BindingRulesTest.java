package org.switchboard.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.location.Binding;

/**
 * More of RFC 3261 section 10.3 steps 6 to 8 (BindingChangesTest has the basic ones): what a
 * REGISTER with several contacts, removals and the wildcard leaves, and that a failed one changes
 * nothing.
 */
class BindingRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final BindingChanges.Source PHONE = new BindingChanges.Source("192.0.2.7", 40000, "TCP", "phone/2");

    private static BindingChanges register(String callId, long cseq, int maxContacts) {
        return new BindingChanges(callId, cseq, PHONE, maxContacts, NOW);
    }

    private static ContactUpdate contact(String host, int expires, float q) {
        return new ContactUpdate("sip:bob@" + host, expires, q);
    }

    @Test
    void eachBindingKeepsItsQValueExpiryAndWhereTheRegisterCameFrom() {
        List<Binding> two = register("c", 1, 10).apply(List.of(),
                List.of(contact("10.0.0.1", 3600, 1.0f), contact("10.0.0.2", 60, 0.5f)));
        Binding first = two.stream().filter(b -> b.contactUri().endsWith("10.0.0.1")).findFirst().orElseThrow();
        Binding second = two.stream().filter(b -> b.contactUri().endsWith("10.0.0.2")).findFirst().orElseThrow();
        assertEquals(1.0f, first.q());
        assertEquals(0.5f, second.q());
        assertEquals(NOW.plusSeconds(3600), first.expiresAt());
        assertEquals(NOW.plusSeconds(60), second.expiresAt());
        assertEquals("TCP", second.transport());
        assertEquals(40000, second.sourcePort());
        assertEquals("phone/2", second.userAgent());
        assertEquals("c", second.callId());
        assertEquals(1L, second.cseq());
    }

    @Test
    void removingAContactThatIsNotBoundChangesNothing() {
        List<Binding> one = register("c", 1, 10).apply(List.of(), List.of(contact("10.0.0.1", 600, 1.0f)));
        List<Binding> after = register("c", 2, 10).apply(one, List.of(contact("10.0.0.9", 0, 1.0f)));
        assertEquals(one, after);
    }

    @Test
    void theLimitCountsWhatTheRegisterLeavesNotWhatItSends() {
        List<Binding> two = register("c", 1, 2).apply(List.of(),
                List.of(contact("10.0.0.1", 600, 1.0f), contact("10.0.0.2", 600, 1.0f)));
        // One removed and one added in the same request: still two, allowed.
        List<Binding> swapped = register("c", 2, 2).apply(two,
                List.of(contact("10.0.0.1", 0, 1.0f), contact("10.0.0.3", 600, 1.0f)));
        assertEquals(List.of("sip:bob@10.0.0.2", "sip:bob@10.0.0.3"), swapped.stream().map(Binding::contactUri).sorted().toList());
        // Refreshing the bound ones is no new contact either.
        assertEquals(2, register("c", 3, 2).apply(swapped,
                List.of(contact("10.0.0.2", 900, 1.0f), contact("10.0.0.3", 900, 1.0f))).size());
    }

    @Test
    void aRejectedRegisterLeavesTheBindingsAsTheyWere() {
        List<Binding> two = register("c", 5, 2).apply(List.of(),
                List.of(contact("10.0.0.1", 600, 1.0f), contact("10.0.0.2", 600, 1.0f)));
        RegistrationRejected tooMany = assertThrows(RegistrationRejected.class,
                () -> register("d", 1, 2).apply(two, List.of(contact("10.0.0.3", 600, 1.0f))));
        assertEquals(403, tooMany.status);
        // Out of order for one contact of several: the whole request fails (section 10.3 step 7).
        RegistrationRejected old = assertThrows(RegistrationRejected.class, () -> register("c", 4, 2).apply(two,
                List.of(contact("10.0.0.2", 0, 1.0f), contact("10.0.0.1", 300, 1.0f))));
        assertEquals(500, old.status);
        assertEquals(2, two.size(), "the input list is never changed");
    }

    @Test
    void theWildcardRemovesEveryContactOfEveryClientWhenInOrder() {
        List<Binding> mine = register("c", 5, 10).apply(List.of(), List.of(contact("10.0.0.1", 600, 1.0f)));
        List<Binding> both = register("other-phone", 1, 10).apply(mine, List.of(contact("10.0.0.2", 600, 1.0f)));
        assertEquals(List.of(), register("c", 6, 10).removeAll(both));
        assertEquals(List.of(), register("new-call-id", 1, 10).removeAll(both));
        assertEquals(500, assertThrows(RegistrationRejected.class, () -> register("other-phone", 1, 10).removeAll(both)).status);
    }
}
