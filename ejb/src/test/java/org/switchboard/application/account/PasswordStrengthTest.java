package org.switchboard.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordStrengthTest {

    @Test
    void shortPasswordsAreRefusedWithTheRule() {
        assertEquals(Optional.of("Use at least 10 characters."), PasswordStrength.problem("Ab1-Ab1-", "alice"));
        assertEquals(Optional.of("Use at least 10 characters."), PasswordStrength.problem(null, "alice"));
    }

    @Test
    void tenCharactersNeedThreeKindsUnlessSixteen() {
        assertTrue(PasswordStrength.problem("abcdefghij", "alice").orElseThrow().startsWith("Mix three of"));
        assertTrue(PasswordStrength.problem("abcdefgh12", "alice").orElseThrow().startsWith("Mix three of"));
        assertEquals(Optional.empty(), PasswordStrength.problem("abcdefgh1-", "alice"));
        assertEquals(Optional.empty(), PasswordStrength.problem("correct horse battery", "alice"));
    }

    @Test
    void theUserNameIsNotAPassword() {
        assertEquals(Optional.of("Do not use your user name as the password."),
                PasswordStrength.problem("Alice-1234", "alice-1234"));
        assertEquals(Optional.empty(), PasswordStrength.problem("demo-alice-1", "alice"));
    }
}
