package org.switchboard.sip.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import java.util.Optional;
import javax.sip.address.URI;
import org.junit.jupiter.api.Test;

/** What counts as "us": the domain and the addresses we listen on, the same for every feature. */
class LocalDomainTest {

    private final LocalDomain local = LocalDomain.of("localhost", "127.0.0.1", "::1", 5060, 5061);
    private final AddressFactoryImpl addresses = new AddressFactoryImpl();

    private URI uri(String text) throws Exception {
        return addresses.createURI(text);
    }

    @Test
    void ourDomainAndOurAddressesAreUs() {
        assertTrue(local.isOurHost("localhost"));
        assertTrue(local.isOurHost("LocalHost"));
        assertTrue(local.isOurHost("127.0.0.1"));
        assertTrue(local.isOurHost("[::1]"));
        assertTrue(local.isOurHost("0:0:0:0:0:0:0:1"));
        assertFalse(local.isOurHost("127.0.0.2"));
        assertFalse(local.isOurHost("example.org"));
        assertFalse(local.isOurHost(""));
        assertFalse(local.isOurHost(null));
    }

    @Test
    void aUserAtOurAddressIsOurUserAsAtOurDomain() throws Exception {
        assertEquals(Optional.of("bob"), local.localUser(uri("sip:bob@localhost")));
        assertEquals(Optional.of("bob"), local.localUser(uri("sip:bob@127.0.0.1")));
        assertEquals(Optional.of("bob"), local.localUser(uri("sip:bob@127.0.0.1:5060;transport=tcp")));
        assertEquals(Optional.of("bob"), local.localUser(uri("sip:bob@[::1]")));
        assertEquals(Optional.empty(), local.localUser(uri("sip:bob@example.org")));
        assertEquals(Optional.empty(), local.localUser(uri("sip:localhost")));
        assertEquals(Optional.empty(), local.localUser(uri("tel:+15551234")));
    }

    @Test
    void thisServerIsOurAddressOnOurPortOrTheBareDomain() throws Exception {
        assertTrue(local.isThisServer(uri("sip:127.0.0.1:5060;transport=udp;lr")));
        assertTrue(local.isThisServer(uri("sip:127.0.0.1;lr")));
        assertTrue(local.isThisServer(uri("sips:127.0.0.1;lr")), "5061 for sips");
        assertTrue(local.isThisServer(uri("sip:[::1]:5060;lr")));
        assertTrue(local.isThisServer(uri("sip:localhost")));
        assertFalse(local.isThisServer(uri("sip:bob@localhost")), "a user of ours, not the server");
        assertFalse(local.isThisServer(uri("sip:127.0.0.1:5070;lr")), "another port");
        assertFalse(local.isThisServer(uri("sip:127.0.0.2:5060;lr")));
    }

    @Test
    void withoutIpv6OnlyTheIpv4AddressIsOurs() {
        LocalDomain v4only = LocalDomain.of("sip.example.net", "192.0.2.10", "", 5060, 5061);
        assertTrue(v4only.isOurHost("192.0.2.10"));
        assertTrue(v4only.isOurHost("SIP.example.net"));
        assertFalse(v4only.isOurHost("::1"));
    }
}
