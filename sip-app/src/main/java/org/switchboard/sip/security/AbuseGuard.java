package org.switchboard.sip.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.switchboard.application.abuse.AbuseRecords;

/**
 * The one home of address bans: password guessing and floods, counted per source address, ban
 * it; a banned address's packets are dropped unread and unanswered ({@link #admits}, asked by the
 * stack's sockets and by the engine). Password guessing of one account from many addresses
 * throttles that account's checks from addresses its owner has not recently authenticated from
 * ({@link #throttles}). Addresses of the never-ban list are never counted.
 *
 * <p>Everything here is memory of this node, on the SIP threads, without locks beyond one key's:
 * bans are lost on restart and not shared between nodes. Bans are audited through {@link
 * AbuseRecords}, asynchronously: the SIP path never waits on the database.
 */
@ApplicationScoped
public class AbuseGuard {

    private static final Logger LOG = Logger.getLogger(AbuseGuard.class.getName());

    @Inject
    AbuseSettings settings;

    @Inject
    AbuseRecords records;

    private LongSupplier clock = System::nanoTime;
    private BanList bans;
    private SlidingWindow<InetAddress> floods;
    private SlidingWindow<InetAddress> addressFailures;
    private AccountThrottle accounts;

    /** For CDI. */
    public AbuseGuard() {
    }

    /** A guard on these settings and clock, auditing to {@code records} (null: no audit); for tests. */
    public static AbuseGuard of(AbuseSettings settings, AbuseRecords records, LongSupplier clock) {
        AbuseGuard guard = new AbuseGuard();
        guard.settings = settings;
        guard.records = records;
        guard.clock = clock;
        guard.start();
        return guard;
    }

    @PostConstruct
    void start() {
        bans = new BanList(settings.banTime(), settings.banMaxTime(), settings.offenceMemory());
        floods = new SlidingWindow<>(settings.floodRequests(), settings.floodWindow().toNanos());
        addressFailures = new SlidingWindow<>(settings.authFailures(), settings.authFailureWindow().toNanos());
        accounts = new AccountThrottle(settings);
    }

    /** The rules in force, for the engine's start-up log. */
    public String describe() {
        return "ban for " + settings.banTime().toSeconds() + " s (doubling) after more than " + settings.authFailures()
                + " failed authentications in " + settings.authFailureWindow().toSeconds() + " s or more than "
                + settings.floodRequests() + " requests in " + settings.floodWindow().toMillis() + " ms"
                + (settings.neverBan().isEmpty() ? "" : "; some addresses never banned");
    }

    /**
     * This bean itself rather than its CDI client proxy, for the checks made on every packet and
     * request (the socket gate, the dispatcher): the proxy's context lookup on each call cost about
     * 2 % of a REGISTER's CPU. The bean has no interceptors to skip, and lives as long as the application.
     */
    public AbuseGuard unproxied() {
        return this;
    }

    /** Whether packets from {@code source} may be read: false while it is banned. Per packet, so cheap. */
    public boolean admits(InetAddress source) {
        return !bans.isBanned(source, clock.getAsLong());
    }

    /**
     * A new request from {@code source} (not a retransmission, not a keep-alive, not a response:
     * the stack absorbs those before we see them). Returns false when it makes a flood and the
     * address is banned now.
     */
    public boolean requestArrived(InetAddress source) {
        if (source == null || settings.neverBan().contains(source)) {
            return true;
        }
        long now = clock.getAsLong();
        if (!floods.exceeded(source, now)) {
            return true;
        }
        ban(source, now, "more than " + settings.floodRequests() + " requests in " + settings.floodWindow().toMillis() + " ms");
        return false;
    }

    /** A wrong digest answer (or one for no account) from {@code ip} for {@code user}. */
    public void authenticationFailed(String ip, String user) {
        InetAddress source = AddressRanges.address(ip);
        long now = clock.getAsLong();
        accounts.failed(user, now);
        if (source == null || settings.neverBan().contains(source)) {
            return;
        }
        if (addressFailures.exceeded(source, now)) {
            ban(source, now, "more than " + settings.authFailures() + " failed authentications in "
                    + settings.authFailureWindow().toSeconds() + " s");
        }
    }

    /** {@code user} proved its password from {@code ip}: that address is the owner's for a while. */
    public void authenticated(String ip, String user) {
        accounts.authenticated(user, ip, clock.getAsLong());
    }

    /**
     * Whether an attempt for {@code user} from {@code ip} is to be refused unchecked: the account is
     * being guessed from many addresses, this is not one its owner used lately, and an unknown
     * address already had its turn in this interval. The caller answers as for a wrong password.
     */
    public boolean throttles(String ip, String user) {
        return accounts.throttles(user, ip, clock.getAsLong());
    }

    private void ban(InetAddress source, long now, String reason) {
        Duration length = bans.ban(source, now, reason);
        if (length == null) {
            return; // banned already, by another thread
        }
        floods.reset(source);
        addressFailures.reset(source);
        LOG.warning(() -> "SIP: banned " + source.getHostAddress() + " for " + length.toSeconds() + " s: " + reason);
        if (records != null) {
            records.addressBanned(source.getHostAddress(), length, reason);
        }
    }

    /** Bans in force now (for support and tests). */
    public List<BanList.Snapshot> bans() {
        return bans.current(clock.getAsLong());
    }

    /** Lifts the ban of a numeric address: the ban as it was, or null when it had none in force. */
    public BanList.Snapshot lift(String address) {
        InetAddress parsed = AddressRanges.address(address);
        BanList.Snapshot lifted = parsed == null ? null : bans.lift(parsed, clock.getAsLong());
        if (lifted != null) {
            LOG.info(() -> "SIP: ban of " + lifted.address() + " lifted by support");
        }
        return lifted;
    }
}
