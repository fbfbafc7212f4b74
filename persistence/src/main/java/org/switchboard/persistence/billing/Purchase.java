package org.switchboard.persistence.billing;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.switchboard.persistence.account.Account;

/**
 * A credit purchase. Money records must be kept seven years (accounting law), so the buyer's name and
 * billing address are copied here rather than read from the account.
 */
@Entity
@Table(name = "purchase")
public class Purchase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false)
    private Account account;

    @Column(name = "amount", nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    /** ISO 4217 code, e.g. EUR. */
    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "purchased_at", nullable = false)
    private Instant purchasedAt;

    @Column(name = "full_name", nullable = false, length = 255)
    private String fullName;

    @Column(name = "billing_address", nullable = false, length = 1024)
    private String billingAddress;

    protected Purchase() {
        // for JPA
    }

    public Purchase(Account account, BigDecimal amount, String currency, Instant purchasedAt,
                    String fullName, String billingAddress) {
        this.account = account;
        this.amount = amount;
        this.currency = currency;
        this.purchasedAt = purchasedAt;
        this.fullName = fullName;
        this.billingAddress = billingAddress;
    }

    public Long getId() {
        return id;
    }

    public Account getAccount() {
        return account;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public Instant getPurchasedAt() {
        return purchasedAt;
    }

    public String getFullName() {
        return fullName;
    }

    public String getBillingAddress() {
        return billingAddress;
    }
}
