package org.switchboard.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Offer parsing, codec choice (RFC 3264 section 6.1) and the answer we send. */
class SdpTest {

    private static final String PHONE_OFFER = String.join("\r\n",
            "v=0",
            "o=alice 2890844526 2890844526 IN IP4 192.0.2.10",
            "s=-",
            "c=IN IP4 192.0.2.10",
            "t=0 0",
            "m=audio 49170 RTP/AVP 9 8 0 96",
            "c=IN IP4 198.51.100.7",
            "a=rtpmap:9 G722/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:96 telephone-event/8000",
            "a=fmtp:96 0-16",
            "m=video 51372 RTP/AVP 97",
            "a=rtpmap:97 H264/90000",
            "");

    @Test
    void choosesTheOfferersFirstG711AndItsTelephoneEventType() {
        MediaChoice choice = SdpOffer.parse(PHONE_OFFER).choose().orElseThrow();
        assertEquals(G711.PCMA, choice.codec());
        assertEquals(OptionalInt.of(96), choice.telephoneEventPayloadType());
        assertEquals(new InetSocketAddress("198.51.100.7", 49170), choice.remote(), "media-level c= wins");
        assertEquals(0, choice.mediaIndex());
    }

    @Test
    void answersEveryMediaLineInOrderAndRefusesVideoWithPortZero() throws Exception {
        SdpOffer offer = SdpOffer.parse(PHONE_OFFER);
        String answer = SdpAnswer.answer(offer, offer.choose().orElseThrow(), InetAddress.getByName("127.0.0.1"), 40002, 77);
        List<String> lines = List.of(answer.split("\r\n"));
        assertTrue(answer.endsWith("\r\n"));
        assertEquals(List.of(
                "v=0",
                "o=switchboard 77 77 IN IP4 127.0.0.1",
                "s=voicemail",
                "c=IN IP4 127.0.0.1",
                "t=0 0",
                "m=audio 40002 RTP/AVP 8 0 96",
                "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:0 PCMU/8000",
                "a=rtpmap:96 telephone-event/8000",
                "a=fmtp:96 0-16",
                "a=ptime:20",
                "a=sendrecv",
                "m=video 0 RTP/AVP 97"), lines);
        // Our own parser reads it back as the caller will.
        MediaChoice back = SdpOffer.parse(answer).choose().orElseThrow();
        assertEquals(G711.PCMA, back.codec());
        assertEquals(new InetSocketAddress("127.0.0.1", 40002), back.remote());
    }

    @Test
    void pcmuOnlyWithoutRtpmapOrEvents() {
        String offer = "v=0\r\nc=IN IP4 203.0.113.5\r\nm=audio 4000 RTP/AVP 0\r\n";
        MediaChoice choice = SdpOffer.parse(offer).choose().orElseThrow();
        assertEquals(G711.PCMU, choice.codec());
        assertEquals(OptionalInt.empty(), choice.telephoneEventPayloadType());
    }

    @Test
    void noG711OrOnlyARefusedStreamMeansNoChoice() {
        assertTrue(SdpOffer.parse("v=0\r\nc=IN IP4 203.0.113.5\r\nm=audio 4000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n")
                .choose().isEmpty(), "G.729 only: 488");
        assertTrue(SdpOffer.parse("v=0\r\nc=IN IP4 203.0.113.5\r\nm=audio 0 RTP/AVP 0\r\n").choose().isEmpty());
        assertTrue(SdpOffer.parse("v=0\r\nm=audio 4000 RTP/AVP 0\r\n").choose().isEmpty(), "no address");
        // A dynamic type that says it is PCMU is not the static PCMU.
        assertTrue(SdpOffer.parse("v=0\r\nc=IN IP4 203.0.113.5\r\nm=audio 4000 RTP/AVP 8\r\na=rtpmap:8 opus/48000/2\r\n")
                .choose().isEmpty());
    }

    @Test
    void malformedMediaLinesAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SdpOffer.parse("v=0\r\nm=audio x RTP/AVP 0\r\n"));
        assertTrue(e.getMessage().contains("port"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SdpOffer.parse("v=0\r\nm=audio 4000\r\n"));
    }

    @Test
    void ourOfferForAnInviteWithoutSdp() throws Exception {
        String offer = SdpAnswer.offer(InetAddress.getByName("::1"), 40010, 5);
        assertTrue(offer.contains("c=IN IP6 0:0:0:0:0:0:0:1\r\n") || offer.contains("c=IN IP6 ::1\r\n"), offer);
        assertTrue(offer.contains("m=audio 40010 RTP/AVP 0 8 101\r\n"), offer);
        assertTrue(offer.contains("a=rtpmap:101 telephone-event/8000\r\n"), offer);
    }
}
