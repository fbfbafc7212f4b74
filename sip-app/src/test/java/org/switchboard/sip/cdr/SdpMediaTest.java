package org.switchboard.sip.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SdpMediaTest {

    @Test
    void sessionConnectionAndFirstMediaPort() {
        assertEquals("192.0.2.5:49170", SdpMedia.of("v=0\r\no=a 1 1 IN IP4 192.0.2.5\r\ns=-\r\nc=IN IP4 192.0.2.5\r\nt=0 0\r\n"
                + "m=audio 49170 RTP/AVP 0\r\nm=video 51372 RTP/AVP 99\r\n"));
    }

    @Test
    void mediaLevelConnectionWinsOverSessionLevel() {
        assertEquals("198.51.100.7:4000", SdpMedia.of("v=0\nc=IN IP4 192.0.2.5\nm=audio 4000 RTP/AVP 0\nc=IN IP4 198.51.100.7\n"));
    }

    @Test
    void ipv6IsBracketed() {
        assertEquals("[2001:db8::1]:5004", SdpMedia.of("v=0\r\nc=IN IP6 2001:db8::1\r\nm=audio 5004 RTP/AVP 0\r\n"));
    }

    @Test
    void noSdpLinesGiveNull() {
        assertNull(SdpMedia.of("hello"));
    }
}
