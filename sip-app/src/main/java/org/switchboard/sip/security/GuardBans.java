package org.switchboard.sip.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.switchboard.application.abuse.AddressBan;
import org.switchboard.application.abuse.AddressBans;

/**
 * The engine's bans as the admin console reads and lifts them ({@link AddressBans}, an ejb
 * interface): memory of this node's {@link AbuseGuard}, nothing stored. The guard keeps nanoTime;
 * support sees wall-clock times.
 */
@ApplicationScoped
public class GuardBans implements AddressBans {

    @Inject
    AbuseGuard guard;

    @Override
    public List<AddressBan> current() {
        Instant now = Instant.now();
        return guard.bans().stream().map(b -> shown(b, now)).toList();
    }

    @Override
    public AddressBan lift(String address) {
        BanList.Snapshot lifted = guard.lift(address);
        return lifted == null ? null : shown(lifted, Instant.now());
    }

    private static AddressBan shown(BanList.Snapshot ban, Instant now) {
        return new AddressBan(ban.address(), ban.reason(), now.minus(ban.elapsed()), now.plus(ban.remaining()), ban.offences());
    }
}
