package org.switchboard.sip.media;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The voicemail's SDP (RFC 4566, offer/answer per RFC 3264): G.711 at 8 kHz (PCMU, PCMA) and
 * telephone-event, 20 ms packets, on one RTP port.
 */
public final class SdpAnswer {

    /** The payload type we offer for telephone-event when we make the offer (INVITE without SDP). */
    public static final int OWN_TELEPHONE_EVENT_TYPE = 101;

    private SdpAnswer() {
    }

    /**
     * The answer to {@code offer}: the same number of m= lines in the same order (section 6), the
     * chosen audio line with the chosen codec first, the other G.711 codec if offered, and
     * telephone-event with the offer's payload type; every other line refused with port 0.
     */
    public static String answer(SdpOffer offer, MediaChoice choice, InetAddress local, int port, long sessionId) {
        StringBuilder sdp = header(local, sessionId);
        List<SdpOffer.MediaLine> lines = offer.media();
        for (int index = 0; index < lines.size(); index++) {
            SdpOffer.MediaLine line = lines.get(index);
            if (index != choice.mediaIndex()) {
                String format = line.formats().isEmpty() ? "0" : String.valueOf(line.formats().get(0));
                sdp.append("m=").append(line.media()).append(" 0 ").append(line.protocol()).append(' ')
                        .append(format).append("\r\n");
                continue;
            }
            List<G711> codecs = new ArrayList<>(List.of(choice.codec()));
            for (G711 other : G711.values()) {
                if (other != choice.codec() && line.formats().contains(other.payloadType())) {
                    codecs.add(other);
                }
            }
            audio(sdp, port, line.protocol(), codecs, choice.telephoneEventPayloadType().orElse(-1));
        }
        return sdp.toString();
    }

    /** Our own offer, for an INVITE that came without one (the caller's answer comes in the ACK). */
    public static String offer(InetAddress local, int port, long sessionId) {
        StringBuilder sdp = header(local, sessionId);
        audio(sdp, port, "RTP/AVP", List.of(G711.PCMU, G711.PCMA), OWN_TELEPHONE_EVENT_TYPE);
        return sdp.toString();
    }

    private static StringBuilder header(InetAddress local, long sessionId) {
        String address = (local instanceof Inet6Address ? "IN IP6 " : "IN IP4 ") + local.getHostAddress();
        return new StringBuilder()
                .append("v=0\r\n")
                .append("o=switchboard ").append(sessionId).append(' ').append(sessionId).append(' ').append(address).append("\r\n")
                .append("s=voicemail\r\n")
                .append("c=").append(address).append("\r\n")
                .append("t=0 0\r\n");
    }

    private static void audio(StringBuilder sdp, int port, String protocol, List<G711> codecs, int telephoneEvent) {
        sdp.append("m=audio ").append(port).append(' ').append(protocol);
        codecs.forEach(codec -> sdp.append(' ').append(codec.payloadType()));
        if (telephoneEvent >= 0) {
            sdp.append(' ').append(telephoneEvent);
        }
        sdp.append("\r\n");
        codecs.forEach(codec -> sdp.append("a=rtpmap:").append(codec.payloadType()).append(' ')
                .append(codec.encodingName()).append("/8000\r\n"));
        if (telephoneEvent >= 0) {
            sdp.append("a=rtpmap:").append(telephoneEvent).append(" telephone-event/8000\r\n");
            sdp.append("a=fmtp:").append(telephoneEvent).append(" 0-16\r\n");
        }
        sdp.append("a=ptime:20\r\n").append("a=sendrecv\r\n");
    }
}
