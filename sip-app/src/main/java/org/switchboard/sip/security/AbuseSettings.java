package org.switchboard.sip.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.switchboard.application.config.ModuleSettings;
import org.switchboard.application.config.SettingsReader;

/**
 * The abuse defence's settings ({@code switchboard.abuse.*}), read once when the SIP engine starts
 * (it needs them before the first packet) and checked then: a bad value fails the deployment,
 * naming the key. The defaults live in switchboard.properties only.
 */
@ApplicationScoped
public class AbuseSettings extends ModuleSettings {

    private static final int MAX = Integer.MAX_VALUE;

    private AddressRanges neverBan;
    private int authFailures;
    private Duration authFailureWindow;
    private int floodRequests;
    private Duration floodWindow;
    private Duration banTime;
    private Duration banMaxTime;
    private Duration offenceMemory;
    private int accountFailures;
    private Duration accountFailureWindow;
    private Duration accountKnownAddressTime;
    private Duration accountUnknownAttemptInterval;
    private int maxConcurrentCalls;
    private int maxNewCalls;
    private Duration newCallWindow;
    private int maxLocations;
    private int locationPrefixV4;
    private int locationPrefixV6;
    private int blockAfterFlags;
    private Duration flagInterval;
    private Duration maxCallTime;


    /** Settings read and validated from {@code reader} (unit tests). */
    public static AbuseSettings from(SettingsReader reader) {
        return readFrom(new AbuseSettings(), reader);
    }


    @Override
    protected void read(SettingsReader in) {
        String neverBanText = in.text("switchboard.abuse.never-ban");
        try {
            neverBan = AddressRanges.parse(neverBanText);
        } catch (IllegalArgumentException e) {
            in.problem("switchboard.abuse.never-ban", "expected comma-separated IP addresses or CIDR ranges, " + e.getMessage());
            neverBan = AddressRanges.NONE;
        }
        authFailures = in.integer("switchboard.abuse.auth-failures", 1, MAX);
        authFailureWindow = in.duration("switchboard.abuse.auth-failure-window-seconds", ChronoUnit.SECONDS, 1, 86_400);
        floodRequests = in.integer("switchboard.abuse.flood-requests", 1, MAX);
        floodWindow = in.duration("switchboard.abuse.flood-window-ms", ChronoUnit.MILLIS, 1, 3_600_000);
        banTime = in.duration("switchboard.abuse.ban-seconds", ChronoUnit.SECONDS, 1, 31_536_000);
        banMaxTime = in.duration("switchboard.abuse.ban-max-seconds", ChronoUnit.SECONDS, 1, 31_536_000);
        if (banMaxTime.compareTo(banTime) < 0) {
            in.problem("switchboard.abuse.ban-max-seconds", "expected at least ban-seconds (" + banTime.toSeconds()
                    + "), got " + banMaxTime.toSeconds());
        }
        offenceMemory = in.duration("switchboard.abuse.offence-memory-hours", ChronoUnit.HOURS, 0, 8_760);
        accountFailures = in.integer("switchboard.abuse.account-failures", 1, MAX);
        accountFailureWindow = in.duration("switchboard.abuse.account-failure-window-seconds", ChronoUnit.SECONDS, 1, 86_400);
        accountKnownAddressTime = in.duration("switchboard.abuse.account-known-address-hours", ChronoUnit.HOURS, 1, 8_760);
        accountUnknownAttemptInterval = in.duration("switchboard.abuse.account-unknown-attempt-interval-seconds",
                ChronoUnit.SECONDS, 1, 86_400);
        maxConcurrentCalls = in.integer("switchboard.abuse.max-concurrent-calls", 1, MAX);
        maxNewCalls = in.integer("switchboard.abuse.max-new-calls", 1, MAX);
        newCallWindow = in.duration("switchboard.abuse.new-call-window-seconds", ChronoUnit.SECONDS, 1, 86_400);
        maxLocations = in.integer("switchboard.abuse.max-locations", 1, 1000);
        locationPrefixV4 = in.integer("switchboard.abuse.location-prefix-v4", 1, 32);
        locationPrefixV6 = in.integer("switchboard.abuse.location-prefix-v6", 1, 128);
        blockAfterFlags = in.integer("switchboard.abuse.block-after-flags", 0, MAX);
        flagInterval = in.duration("switchboard.abuse.flag-interval-seconds", ChronoUnit.SECONDS, 0, 86_400);
        maxCallTime = in.duration("switchboard.cdr.max-call-seconds", ChronoUnit.SECONDS, 1, MAX);
        in.check();
    }

    /** Addresses and ranges never banned (an operator's monitoring, a trusted peer). */
    AddressRanges neverBan() {
        return neverBan;
    }

    /** More failed digest answers than this from one address within the window ban it. */
    public int authFailures() {
        return authFailures;
    }

    public Duration authFailureWindow() {
        return authFailureWindow;
    }

    /** More new requests than this from one address within the window ban it (pike: 16 in 2 s). */
    public int floodRequests() {
        return floodRequests;
    }

    public Duration floodWindow() {
        return floodWindow;
    }

    /** A first ban's length; each repeat within the offence memory doubles it, up to the maximum. */
    public Duration banTime() {
        return banTime;
    }

    public Duration banMaxTime() {
        return banMaxTime;
    }

    public Duration offenceMemory() {
        return offenceMemory;
    }

    /** More failed answers than this for one account within the window, from anywhere, throttle it. */
    public int accountFailures() {
        return accountFailures;
    }

    public Duration accountFailureWindow() {
        return accountFailureWindow;
    }

    /** How long an address the owner authenticated from stays exempt from that throttle. */
    public Duration accountKnownAddressTime() {
        return accountKnownAddressTime;
    }

    /** While throttled: one checked attempt for the account per this interval from unknown addresses. */
    public Duration accountUnknownAttemptInterval() {
        return accountUnknownAttemptInterval;
    }

    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    public int maxNewCalls() {
        return maxNewCalls;
    }

    public Duration newCallWindow() {
        return newCallWindow;
    }

    /** Registered contacts from this many distinct networks at once, at most. */
    public int maxLocations() {
        return maxLocations;
    }

    public int locationPrefixV4() {
        return locationPrefixV4;
    }

    public int locationPrefixV6() {
        return locationPrefixV6;
    }

    /** Block an account automatically at this many flags; 0: never (support decides). */
    public int blockAfterFlags() {
        return blockAfterFlags;
    }

    /** At most one flag per account and limit in this interval; refusals in between are only logged. */
    public Duration flagInterval() {
        return flagInterval;
    }

    /** A call whose end we never saw stops counting as "at once" after the CDR's longest call. */
    public Duration maxCallTime() {
        return maxCallTime;
    }
}
