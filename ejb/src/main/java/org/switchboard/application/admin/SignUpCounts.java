package org.switchboard.application.admin;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.switchboard.persistence.abuse.SignUpCountRepository.AddressCount;

/** Today's sign-ups per source address and the limit in force (switchboard.signup.per-address-per-day). */
public record SignUpCounts(LocalDate day, int limit, List<AddressCount> addresses) implements Serializable {
}
