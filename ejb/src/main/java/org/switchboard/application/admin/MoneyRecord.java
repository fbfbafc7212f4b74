package org.switchboard.application.admin;

import java.math.BigDecimal;
import java.time.Instant;

/** A purchase kept for the seven-year rule, as the deletion view shows it. */
public record MoneyRecord(long id, BigDecimal amount, String currency, Instant purchasedAt, String fullName,
                          String billingAddress) {
}
