package org.switchboard.sip.media;

import java.net.InetSocketAddress;
import java.util.OptionalInt;

/**
 * What the voicemail answers an offer with: the index of the audio m= line, the codec, the
 * telephone-event payload type the offer gave (RFC 4733; events are received and ignored), and
 * where the offer says to send media (until the caller's packets show where they come from).
 */
public record MediaChoice(int mediaIndex, G711 codec, OptionalInt telephoneEventPayloadType,
                          InetSocketAddress remote) {
}
