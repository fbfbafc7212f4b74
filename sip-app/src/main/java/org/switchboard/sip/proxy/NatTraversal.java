package org.switchboard.sip.proxy;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.HopImpl;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.Locale;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.message.Message;
import org.switchboard.sip.servlet.PeerAddress;
import org.switchboard.sip.location.Binding;

/**
 * Signalling for phones behind NAT, the way Kamailio's default configuration does it with
 * nathelper: a phone is behind NAT when its Contact names a private address (RFC 1918, RFC 6598
 * shared space, link-local) that is not where its messages come from. Then
 * <ul>
 * <li>a call to it goes to the address its REGISTER came from ({@link #publicHop}), the Request-URI
 * staying its Contact ({@code fix_nated_register} and {@code $du});
 * <li>the Contact of its dialog-forming requests and answers is rewritten to the address they came
 * from ({@code fix_nated_contact}), so the other side's in-dialog requests (ACK, BYE, re-INVITE)
 * reach it too.
 * </ul>
 * Media is not relayed: RTP between two NATed phones needs ICE/STUN on the phones or a media relay
 * (rtpengine beside Kamailio), which this service does not run.
 */
public final class NatTraversal {

    private NatTraversal() {
    }

    /** Where to send a call (or a stored message) for this binding instead of its Contact, or null when it isn't behind NAT. */
    public static Hop publicHop(Binding binding, URI contact) {
        if (!behindNat(contact, binding.sourceHost())) {
            return null;
        }
        return new HopImpl(binding.sourceHost(), binding.sourcePort(), binding.transport().toUpperCase(Locale.ROOT));
    }

    /** Rewrites the message's Contact to the address it came from when the sender is behind NAT. */
    static void fixContact(Message message, String sourceHost, int sourcePort) {
        ContactHeader contact = (ContactHeader) message.getHeader(ContactHeader.NAME);
        if (contact == null || contact.getAddress() == null || sourceHost == null || sourcePort <= 0) {
            return;
        }
        URI uri = contact.getAddress().getURI();
        if (behindNat(uri, sourceHost) && uri instanceof SipURI sip) {
            try {
                sip.setHost(sourceHost);
                sip.setPort(sourcePort);
            } catch (ParseException e) {
                // the source is an address we received from: always valid as a host
            }
        }
    }

    /** {@link #fixContact} with the source of a received message (packet source, not Via). */
    static void fixContact(SIPMessage received, Message outgoing) {
        PeerAddress source = PeerAddress.sourceOf(received);
        if (source != null) {
            fixContact(outgoing, source.ip(), source.port());
        }
    }

    /** A private address literal in the URI that differs from where the message came from. */
    static boolean behindNat(URI contact, String sourceHost) {
        if (!(contact instanceof SipURI sip) || sip.getHost() == null) {
            return false;
        }
        String host = sip.getHost().replace("[", "").replace("]", "");
        if (!isIpLiteral(host) || host.equals(sourceHost)) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(host); // a literal: no DNS lookup
            return address.isSiteLocalAddress() || address.isLinkLocalAddress() || isSharedAddressSpace(address)
                    || isUniqueLocalV6(address);
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** 100.64.0.0/10 (RFC 6598): carrier-grade NAT. */
    private static boolean isSharedAddressSpace(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    /** fc00::/7 (RFC 4193). */
    private static boolean isUniqueLocalV6(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 16 && (b[0] & 0xfe) == 0xfc;
    }
}
