package org.switchboard.sip.voicemail;

import java.text.ParseException;
import java.util.OptionalLong;
import javax.sip.ListeningPoint;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * The address of the voicemail user agent for one account: our own address and UDP port, the
 * callee's user, and a parameter naming the account, e.g.
 * {@code sip:alice@127.0.0.1:5060;transport=udp;sb-voicemail=1}. The proxy forwards a diverted call
 * there like to any phone (it comes back to this server and {@link VoicemailServlet} answers it), and
 * the voicemail's Contact carries the same parameter, so the caller's ACK and BYE find it too.
 */
public final class VoicemailTarget {

    static final String PARAM = "sb-voicemail";

    private VoicemailTarget() {
    }

    /** The voicemail address of {@code accountId} (SIP user {@code user}) at our UDP listening point. */
    public static SipURI of(AddressFactory addresses, ListeningPoint udp, String user, long accountId) {
        try {
            SipURI uri = addresses.createSipURI(user, udp.getIPAddress());
            uri.setPort(udp.getPort());
            uri.setTransportParam("udp");
            uri.setParameter(PARAM, Long.toString(accountId));
            return uri;
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot make the voicemail address of " + user, e);
        }
    }

    /** Whether the URI is a voicemail address (of this server or not: ask LocalDomain for that). */
    public static boolean is(URI uri) {
        return accountId(uri).isPresent();
    }

    /** The account a voicemail address is for. */
    public static OptionalLong accountId(URI uri) {
        if (!(uri instanceof SipURI sip) || sip.getParameter(PARAM) == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(sip.getParameter(PARAM)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
