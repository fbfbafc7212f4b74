package org.switchboard.application.admin;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A purchase as staff type it: amount, ISO 4217 currency, the day (UTC), the buyer's name and billing address. */
public record PurchaseInput(BigDecimal amount, String currency, LocalDate day, String fullName, String billingAddress) {
}
