package org.switchboard.sip.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressRangesTest {

    @Test
    void addressesAndRanges() throws Exception {
        AddressRanges ranges = AddressRanges.parse(" 192.0.2.10, 198.51.100.0/24 ,2001:db8::/32,10.0.0.0/9");
        assertTrue(ranges.contains(InetAddress.getByName("192.0.2.10")));
        assertFalse(ranges.contains(InetAddress.getByName("192.0.2.11")));
        assertTrue(ranges.contains(InetAddress.getByName("198.51.100.255")));
        assertTrue(ranges.contains(InetAddress.getByName("2001:db8:ffff::1")));
        assertFalse(ranges.contains(InetAddress.getByName("2001:db9::1")));
        assertTrue(ranges.contains(InetAddress.getByName("10.127.0.1")));
        assertFalse(ranges.contains(InetAddress.getByName("10.128.0.1")));
        assertTrue(AddressRanges.parse("").isEmpty());
    }

    @Test
    void namesAndBadPrefixesAreRefusedNeverResolved() {
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("example.org"));
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("192.0.2.0/33"));
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("300.0.2.1"));
        assertThrows(IllegalArgumentException.class, () -> AddressRanges.parse("192.0.2.0/x"));
        assertNull(AddressRanges.address("localhost"));
    }

    @Test
    void networkOfAnAddress() throws Exception {
        assertEquals("198.51.100.0/24", AddressRanges.networkOf(InetAddress.getByName("198.51.100.77"), 24));
        assertEquals("2001:db8:1:0:0:0:0:0/48", AddressRanges.networkOf(InetAddress.getByName("2001:db8:1:2::5"), 48));
        assertEquals("127.0.0.2/32", AddressRanges.networkOf(InetAddress.getByName("127.0.0.2"), 32));
    }
}
