package org.switchboard.persistence.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

class SignUpCountRepositoryTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAddressGetsItsLimitPerDayAndEarlierDaysAreForgotten(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        // A day of its own, so that other runs on the same database don't count.
        LocalDate day = LocalDate.of(2300, 1, 1).plusDays(Math.abs(UUID.randomUUID().hashCode() % 20_000));
        String address = "198.51.100.7";
        for (int i = 0; i < 3; i++) {
            assertTrue(db.<Boolean>tx(em -> new SignUpCountRepository(em).take(day, address, 3)), "sign-up " + (i + 1));
        }
        assertFalse(db.<Boolean>tx(em -> new SignUpCountRepository(em).take(day, address, 3)), "the fourth");
        assertTrue(db.<Boolean>tx(em -> new SignUpCountRepository(em).take(day, "2001:db8::1", 3)), "another address");
        assertEquals(List.of(new SignUpCountRepository.AddressCount(address, 3), new SignUpCountRepository.AddressCount("2001:db8::1", 1)),
                db.tx(em -> new SignUpCountRepository(em).on(day, 10)));

        LocalDate next = day.plusDays(1);
        assertTrue(db.<Boolean>tx(em -> new SignUpCountRepository(em).take(next, address, 3)), "a new day, a new count");
        assertTrue(db.tx(em -> new SignUpCountRepository(em).on(day, 10)).isEmpty(), "the day before is forgotten");
        assertEquals(List.of(new SignUpCountRepository.AddressCount(address, 1)), db.tx(em -> new SignUpCountRepository(em).on(next, 10)));
    }
}
