package org.switchboard.application.admin;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.application.abuse.AddressBan;
import org.switchboard.application.abuse.AddressBans;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.application.signup.SignUps;
import org.switchboard.persistence.abuse.AbuseFlag;
import org.switchboard.persistence.abuse.AbuseFlagRepository;
import org.switchboard.persistence.abuse.AbuseKind;
import org.switchboard.persistence.abuse.SignUpCountRepository;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.audit.AuditRepository;

/**
 * What support sees and does about abuse (admin/abuse.xhtml): the SIP engine's address bans (lift
 * one), accounts flagged over a residential limit (clear them), today's sign-ups per address.
 * Lifting and clearing are audited with the caller's login.
 */
@Stateless
@RolesAllowed(Staff.SUPPORT)
public class AbuseDesk {

    /** Open flags looked at; far more than support can read, and bounded. */
    static final int MAX_OPEN_FLAGS = 1000;
    static final int MAX_ADDRESSES = 200;

    @Inject
    Instance<AddressBans> bans;

    @Inject
    AbuseFlagRepository flags;

    @Inject
    SignUpCountRepository signUpCounts;

    @Inject
    StaffAccounts staffAccounts;

    @Inject
    AuditRepository audit;

    @Inject
    SwitchboardSettings settings;

    @EJB
    SignUps signUps;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /** Whether this node runs a SIP engine (bans are its memory; without one there are none to show). */
    public boolean engineDeployed() {
        return bans.isResolvable();
    }

    /** Bans in force on this node now. */
    public List<AddressBan> bans() {
        return engineDeployed() ? bans.get().current() : List.of();
    }

    /** Lifts a ban: the address is answered again at once. */
    public String liftBan(String address) {
        AddressBan lifted = engineDeployed() && address != null ? bans.get().lift(address.trim()) : null;
        if (lifted == null) {
            throw new StaffInputException("address", address + " is not banned (any more).");
        }
        audit.record(actor(), "ADDRESS_BAN_LIFTED", lifted.address(), "strike " + lifted.strikes() + ", banned since "
                + lifted.since() + " until " + lifted.until() + ": " + lifted.reason());
        return "Ban of " + lifted.address() + " lifted; it is answered again.";
    }

    /** Open flags grouped by account and limit, the most recently flagged first. */
    public List<AbuseFlagGroup> openFlags() {
        Map<String, List<AbuseFlag>> groups = new LinkedHashMap<>();
        for (AbuseFlag flag : flags.open(MAX_OPEN_FLAGS)) { // newest first
            groups.computeIfAbsent(flag.getAccount().getId() + " " + flag.getKind(), k -> new ArrayList<>()).add(flag);
        }
        return groups.values().stream().map(AbuseDesk::group).toList();
    }

    /** Clears the account's open flags for one limit (the automatic blocking counts open flags only). */
    public String clearFlags(String sipUser, String kind) {
        AbuseKind limit = kindNamed(kind);
        Account account = staffAccounts.named(sipUser);
        int cleared = flags.clearOpen(account.getId(), limit, actor(), clock.instant());
        if (cleared == 0) {
            throw new StaffInputException("flag", account.sipUri() + " has no open flag for " + limitName(limit) + ".");
        }
        audit.record(actor(), "ABUSE_FLAG_CLEARED", Staff.target(account.getId()), limit + ": " + cleared + " open flag(s)");
        return "Cleared " + cleared + " flag(s) of " + account.sipUri() + " for " + limitName(limit) + ".";
    }

    /** Today's sign-ups per source address and the limit. */
    public SignUpCounts signUpsToday() {
        return new SignUpCounts(signUps.today(), settings.signUpsPerAddressPerDay(),
                signUpCounts.on(signUps.today(), MAX_ADDRESSES));
    }

    private static AbuseFlagGroup group(List<AbuseFlag> newestFirst) {
        AbuseFlag latest = newestFirst.get(0);
        Account account = latest.getAccount();
        return new AbuseFlagGroup(account.getSipUser(), account.sipUri(), latest.getKind().name(), limitName(latest.getKind()),
                latest.getDetail(), newestFirst.get(newestFirst.size() - 1).getFlaggedAt(), latest.getFlaggedAt(),
                newestFirst.size());
    }

    /** The limit in support's words. */
    static String limitName(AbuseKind kind) {
        return switch (kind) {
            case CONCURRENT_CALLS -> "too many calls at once";
            case CALL_RATE -> "too many new calls";
            case LOCATIONS -> "too many networks";
        };
    }

    private static AbuseKind kindNamed(String kind) {
        try {
            return AbuseKind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StaffInputException("flag", "No such limit: " + kind + ".");
        }
    }

    private String actor() {
        return session.getCallerPrincipal().getName();
    }
}
