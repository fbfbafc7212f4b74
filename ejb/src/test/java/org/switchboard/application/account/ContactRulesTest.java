package org.switchboard.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactRulesTest {

    @Test
    void emailAddresses() {
        for (String ok : new String[] {"alice@localhost", "dave.tester+sip@example.org", "x@mail.example.co.uk"}) {
            assertEquals(Optional.empty(), ContactRules.emailProblem(ok), ok);
        }
        for (String bad : new String[] {"no-at-sign", "two@@example.org", "a b@example.org", "a@b..org", "@example.org",
                "dave@", "dave@example.org.", "x".repeat(250) + "@a.org"}) {
            assertTrue(ContactRules.emailProblem(bad).isPresent(), bad);
        }
        assertEquals("Enter your email address.", ContactRules.emailProblem(" ").orElseThrow());
    }

    @Test
    void names() {
        assertEquals(Optional.empty(), ContactRules.nameProblem("Zoë O'Brien-Smith", 128));
        assertEquals("Enter a name.", ContactRules.nameProblem("", 128).orElseThrow());
        assertEquals("Use at most 5 characters.", ContactRules.nameProblem("abcdef", 5).orElseThrow());
        assertTrue(ContactRules.nameProblem("line\nbreak", 128).isPresent());
    }
}
