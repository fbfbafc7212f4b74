package org.switchboard.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.parser.StringMsgParser;
import java.time.Instant;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.address.Hop;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.message.Message;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.location.Binding;

class NatTraversalTest {

    private static final AddressFactory ADDRESSES;

    static {
        try {
            ADDRESSES = SipFactory.getInstance().createAddressFactory();
        } catch (javax.sip.PeerUnavailableException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static URI uri(String text) throws Exception {
        return ADDRESSES.createURI(text);
    }

    @Test
    void privateContactFromAnotherAddressIsBehindNat() throws Exception {
        assertTrue(NatTraversal.behindNat(uri("sip:bob@192.168.1.5:5060"), "203.0.113.7"));
        assertTrue(NatTraversal.behindNat(uri("sip:bob@10.1.2.3"), "203.0.113.7"));
        assertTrue(NatTraversal.behindNat(uri("sip:bob@172.20.0.9"), "203.0.113.7"));
        assertTrue(NatTraversal.behindNat(uri("sip:bob@100.64.0.1"), "203.0.113.7"), "carrier-grade NAT");
        assertTrue(NatTraversal.behindNat(uri("sip:bob@[fd00::5]"), "2001:db8::1"), "unique local IPv6");
    }

    @Test
    void publicLoopbackSameAddressOrHostnameIsNot() throws Exception {
        assertFalse(NatTraversal.behindNat(uri("sip:bob@192.168.1.5"), "192.168.1.5"), "same LAN, no NAT");
        assertFalse(NatTraversal.behindNat(uri("sip:bob@198.51.100.2"), "203.0.113.7"), "public contact");
        assertFalse(NatTraversal.behindNat(uri("sip:bob@127.0.0.1:16060"), "127.0.0.1"));
        assertFalse(NatTraversal.behindNat(uri("sip:bob@100.128.0.1"), "203.0.113.7"), "outside 100.64/10");
        assertFalse(NatTraversal.behindNat(uri("sip:bob@phone.example.com"), "203.0.113.7"), "no DNS guess");
        assertFalse(NatTraversal.behindNat(uri("tel:+15551234"), "203.0.113.7"));
    }

    @Test
    void callsToANattedBindingGoToItsSourceAddress() throws Exception {
        Binding natted = binding("sip:bob@192.168.1.5:5060", "203.0.113.7", 40123, "udp");
        Hop hop = NatTraversal.publicHop(natted, uri(natted.contactUri()));
        assertEquals("203.0.113.7", hop.getHost());
        assertEquals(40123, hop.getPort());
        assertEquals("UDP", hop.getTransport());

        Binding direct = binding("sip:bob@198.51.100.2:5060", "198.51.100.2", 5060, "udp");
        assertNull(NatTraversal.publicHop(direct, uri(direct.contactUri())));
    }

    @Test
    void contactOfANattedSenderIsRewrittenToItsSource() throws Exception {
        Message answer = new StringMsgParser().parseSIPMessage(("SIP/2.0 200 OK\r\n"
                + "Via: SIP/2.0/UDP 198.51.100.1;branch=z9hG4bK1\r\n"
                + "From: <sip:alice@localhost>;tag=a\r\nTo: <sip:bob@localhost>;tag=b\r\n"
                + "Call-ID: nat@test\r\nCSeq: 1 INVITE\r\n"
                + "Contact: \"Bob\" <sip:bob@192.168.1.5:5062;transport=udp>;expires=60\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(), true, false, null);
        NatTraversal.fixContact(answer, "203.0.113.7", 40123);
        String contact = answer.getHeader(ContactHeader.NAME).toString().trim();
        assertEquals("Contact: \"Bob\" <sip:bob@203.0.113.7:40123;transport=udp>;expires=60", contact);
    }

    private static Binding binding(String contact, String host, int port, String transport) {
        return new Binding(contact, host, port, transport, 1.0f, Instant.now().plusSeconds(60), "c", 1, "");
    }
}
