package org.switchboard.sip.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of addresses and CIDR ranges ("192.0.2.7, 198.51.100.0/24, 2001:db8::/32"), e.g. the
 * never-ban list, and the network an address belongs to at a given prefix length. Only numeric
 * addresses: nothing here resolves a name.
 */
final class AddressRanges {

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Range> ranges;

    private AddressRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    static final AddressRanges NONE = new AddressRanges(List.of());

    /** Parses a comma-separated list; throws IllegalArgumentException naming the bad item. */
    static AddressRanges parse(String text) {
        List<Range> ranges = new ArrayList<>();
        for (String item : text.split(",")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int slash = trimmed.indexOf('/');
            String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
            byte[] address = numeric(host);
            if (address == null) {
                throw new IllegalArgumentException("'" + trimmed + "' is not a numeric IP address or CIDR range");
            }
            int prefix;
            try {
                prefix = slash < 0 ? address.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("'" + trimmed + "' has no prefix length from 0 to " + address.length * 8);
            }
            ranges.add(new Range(address, prefix));
        }
        return new AddressRanges(ranges);
    }

    boolean contains(InetAddress address) {
        if (ranges.isEmpty()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The network of {@code address} at {@code prefix} bits, as text ("198.51.100.0/24"). */
    static String networkOf(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        int bits = Math.min(prefix, bytes.length * 8);
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            bytes[i] = (byte) (bytes[i] & (0xff << (8 - keep)));
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + bits;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // length is 4 or 16
        }
    }

    /** The bytes of a numeric address, or null if it is not one (never a DNS lookup). */
    static byte[] numeric(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (IPV4.matcher(h).matches()) {
            String[] parts = h.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        if (h.indexOf(':') < 0 || !IPV6_CHARS.matcher(h).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(h).getAddress(); // an IPv6 literal: parsed, never resolved
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A numeric address as an InetAddress, or null. */
    static InetAddress address(String host) {
        byte[] bytes = numeric(host);
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
