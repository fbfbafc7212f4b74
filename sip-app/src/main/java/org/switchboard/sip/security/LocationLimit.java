package org.switchboard.sip.security;

import java.net.InetAddress;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * "Multiple devices in different locations": the distinct networks (/24 for IPv4 and /48 for IPv6
 * by default, an access network's usual size) that an account's live bindings were registered
 * from. A REGISTER that adds a binding from a network not among them, when there are already
 * {@code max}, is over the limit. A phone's own refreshes (same network) and removals never are.
 */
final class LocationLimit {

    private final int max;
    private final int prefixV4;
    private final int prefixV6;

    LocationLimit(int max, int prefixV4, int prefixV6) {
        this.max = max;
        this.prefixV4 = prefixV4;
        this.prefixV6 = prefixV6;
    }

    /** The network of a numeric address, or the text itself when it is not one. */
    String networkOf(String host) {
        InetAddress address = AddressRanges.address(host);
        if (address == null) {
            return host;
        }
        return AddressRanges.networkOf(address, address.getAddress().length == 4 ? prefixV4 : prefixV6);
    }

    /** Distinct networks of these source addresses. */
    Set<String> networks(Collection<String> sourceHosts) {
        Set<String> networks = new HashSet<>();
        for (String host : sourceHosts) {
            networks.add(networkOf(host));
        }
        return networks;
    }

    /** Whether adding a binding from {@code source} to bindings from {@code current} goes over the limit. */
    boolean exceeded(Collection<String> current, String source) {
        Set<String> networks = networks(current);
        return !networks.contains(networkOf(source)) && networks.size() >= max;
    }

    int max() {
        return max;
    }
}
