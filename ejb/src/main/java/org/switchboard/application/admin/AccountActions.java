package org.switchboard.application.admin;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.logging.Logger;
import org.switchboard.application.account.AccountService;
import org.switchboard.application.account.LoginDirectory;
import org.switchboard.application.account.LoginDirectoryException;
import org.switchboard.application.account.PasswordStrength;
import org.switchboard.application.account.RegistrarCredentialCache;
import org.switchboard.application.device.DeviceDirectory;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.persistence.account.DeletionRequestRepository;
import org.switchboard.persistence.account.SipCredential;
import org.switchboard.persistence.account.SipCredentialRepository;
import org.switchboard.persistence.audit.AuditRepository;
import org.switchboard.persistence.billing.Purchase;
import org.switchboard.persistence.billing.PurchaseRepository;

/**
 * What support staff do to an account, each with a reason and each audited (the reason in the entry's
 * detail): block and unblock, reset the SIP password, record a purchase, request deletion on the
 * subscriber's behalf.
 */
@Stateless
@RolesAllowed(Staff.SUPPORT)
public class AccountActions {

    private static final Logger LOG = Logger.getLogger(AccountActions.class.getName());
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    StaffAccounts staffAccounts;

    @Inject
    AuditRepository audit;

    @Inject
    SipCredentialRepository credentials;

    @Inject
    PurchaseRepository purchases;

    @Inject
    DeletionRequestRepository deletions;

    @Inject
    AccountService accountService;

    @Inject
    RegistrarCredentialCache credentialCache;

    @Inject
    Instance<DeviceDirectory> devices;

    @Inject
    LoginDirectory logins;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    SessionContext session;

    /**
     * Blocks the account: the registrar and the proxy refuse it (403) from the commit on, as its cached
     * credentials are forgotten and its current bindings dropped then; its web login is disabled in
     * Keycloak and its sessions there ended.
     *
     * @return what was done, in words for the notice (a Keycloak failure is said, the SIP block stands)
     */
    public String block(String sipUser, String reason) {
        String why = required(reason);
        Account account = staffAccounts.named(sipUser);
        if (account.getStatus() == AccountStatus.CLOSED) {
            throw new StaffInputException("reason", "A closed account can't be blocked.");
        }
        account.setStatus(AccountStatus.BLOCKED);
        credentialCache.forget(account); // now and again after the commit (RegistrarCredentialCache)
        afterCommit(() -> {
            if (devices.isResolvable()) {
                devices.get().unregisterAll(StaffAccounts.aor(account));
            }
        });
        String web = setLoginEnabled(account, false);
        audited(account, "ACCOUNT_BLOCKED", "reason: " + why + web);
        return account.sipUri() + " blocked: it can't register, call or send, its phones were unregistered" + web + ".";
    }

    /** Unblocks the account, unless it asked to be deleted (that request keeps it disabled). */
    public String unblock(String sipUser, String reason) {
        String why = required(reason);
        Account account = staffAccounts.named(sipUser);
        if (account.getStatus() != AccountStatus.BLOCKED) {
            throw new StaffInputException("reason", account.sipUri() + " is not blocked.");
        }
        if (deletions.openFor(account.getId()).isPresent()) {
            throw new StaffInputException("reason", account.sipUri() + " asked to be deleted; it stays disabled.");
        }
        account.setStatus(AccountStatus.ACTIVE);
        credentialCache.forget(account);
        String web = setLoginEnabled(account, true);
        audited(account, "ACCOUNT_UNBLOCKED", "reason: " + why + web);
        return account.sipUri() + " unblocked" + web + ".";
    }

    /**
     * A new random SIP password for the account, returned once to be shown once: only its digest HA1
     * hashes are stored, the audit entry says it was reset but never what to.
     */
    public String resetSipPassword(String sipUser, String reason) {
        String why = required(reason);
        Account account = staffAccounts.named(sipUser);
        String password = randomPassword(account.getSipUser());
        credentials.findByAccount(account.getId()).ifPresentOrElse(
                credential -> credential.changePassword(password, clock.instant()),
                () -> credentials.save(SipCredential.forPassword(account, password, clock.instant())));
        credentialCache.forget(account);
        audited(account, "SIP_PASSWORD_RESET", "reason: " + why);
        return password;
    }

    /** Records a money record (kept seven years after the purchase, whatever happens to the account). */
    public void recordPurchase(String sipUser, PurchaseInput input, String reason) {
        String why = required(reason);
        if (input.amount() == null || input.amount().signum() <= 0) {
            throw new StaffInputException("amount", "Amount: a positive number, e.g. 12.50.");
        }
        if (input.amount().scale() > 2 || input.amount().compareTo(new BigDecimal("9999999999.99")) > 0) {
            throw new StaffInputException("amount", "Amount: at most two decimals and below ten billion.");
        }
        String currency = input.currency() == null ? "" : input.currency().trim().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new StaffInputException("currency", "Currency: a three-letter ISO 4217 code, e.g. EUR.");
        }
        if (input.day() == null || input.day().isAfter(clock.instant().atZone(ZoneOffset.UTC).toLocalDate())) {
            throw new StaffInputException("day", "Date: the day of the purchase, not in the future.");
        }
        String name = text(input.fullName(), "fullName", "Name: the buyer's full name is required.", 255);
        String address = text(input.billingAddress(), "billingAddress", "Billing address: required.", 1024);
        Account account = staffAccounts.named(sipUser);
        Purchase purchase = purchases.save(new Purchase(account, input.amount(), currency,
                input.day().atStartOfDay(ZoneOffset.UTC).toInstant(), name, address));
        audited(account, "PURCHASE_RECORDED", "purchase #" + purchase.getId() + " " + input.amount() + " " + currency
                + " on " + input.day() + "; reason: " + why);
    }

    /** Queues the account's deletion as if the subscriber had asked, and disables it at once. */
    public String requestDeletion(String sipUser, String reason) {
        String why = required(reason);
        Account account = staffAccounts.named(sipUser);
        accountService.requestDeletionOnBehalf(account);
        audited(account, "DELETION_REQUESTED_BY_STAFF", "reason: " + why);
        return "Deletion of " + account.sipUri() + " requested; the next retention run processes it.";
    }

    private String setLoginEnabled(Account account, boolean enabled) {
        try {
            logins.setEnabled(account.getSipUser(), enabled);
            return enabled ? ", its web login enabled" : ", its web login disabled";
        } catch (LoginDirectoryException e) {
            LOG.warning(() -> "web login of account #" + account.getId() + " not changed: " + e.getMessage());
            return "; the web login could NOT be changed (" + e.getMessage() + ")";
        }
    }

    /** What the SIP engine keeps in memory changes once the new status is committed, so no lookup reads the old one. */
    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    private void audited(Account account, String action, String detail) {
        audit.record(session.getCallerPrincipal().getName(), action, Staff.target(account.getId()), detail);
    }

    private static String required(String reason) {
        return text(reason, "reason", "A reason is required.", 1000);
    }

    private static String text(String value, String field, String missing, int max) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            throw new StaffInputException(field, missing);
        }
        if (trimmed.length() > max) {
            throw new StaffInputException(field, "At most " + max + " characters.");
        }
        return trimmed;
    }

    private static String randomPassword(String sipUser) {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
            }
            if (PasswordStrength.problem(password.toString(), sipUser).isEmpty()) {
                return password.toString();
            }
        }
    }
}
