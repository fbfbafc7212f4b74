package org.switchboard.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Even RTP ports with RTCP beside them, taken round the range, skipping ports already bound. */
class RtpPortAllocatorTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void evenPairsRoundTheRangeSkippingTakenPorts() throws Exception {
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(LOOPBACK, 41_103))) {
            RtpPortAllocator allocator = new RtpPortAllocator(41_101, 41_107);  // pairs 41102, 41104, 41106
            try (RtpPorts first = allocator.allocate(LOOPBACK); RtpPorts second = allocator.allocate(LOOPBACK)) {
                assertEquals(41_104, first.rtpPort(), "41102's RTCP port 41103 is taken: skipped");
                assertEquals(41_106, second.rtpPort());
                assertThrows(UncheckedIOException.class, () -> allocator.allocate(LOOPBACK), "range exhausted");
            }
            try (RtpPorts again = allocator.allocate(LOOPBACK)) {
                assertEquals(41_104, again.rtpPort(), "freed by close");
            }
        }
    }

    @Test
    void aRangeWithoutAPairIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RtpPortAllocator(41_001, 41_002));
        assertThrows(IllegalArgumentException.class, () -> new RtpPortAllocator(80, 90));
    }
}
