package org.switchboard.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import javax.sip.SipFactory;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import org.junit.jupiter.api.Test;

class DomainResolverTest {

    private final DomainResolver resolver = new DomainResolver() {
        @Override
        List<Srv> srvRecords(String name) {
            return switch (name) {
                case "_sip._udp.example.test" -> Arrays.asList(Srv.parse("20 0 5070 backup.localhost."),
                        Srv.parse("10 10 5080 localhost."), Srv.parse("10 90 5090 localhost."));
                default -> List.of();
            };
        }
    };

    private static SipURI uri(String text) throws Exception {
        return (SipURI) SipFactory.getInstance().createAddressFactory().createURI(text);
    }

    @Test
    void numericHostAndExplicitPortAreUsedAsTheyAre() throws Exception {
        Hop hop = resolver.resolve(uri("sip:bob@127.0.0.1:5099;transport=tcp")).orElseThrow();
        assertEquals("127.0.0.1", hop.getHost());
        assertEquals(5099, hop.getPort());
        assertEquals("TCP", hop.getTransport());
        assertEquals(5060, resolver.resolve(uri("sip:bob@127.0.0.1")).orElseThrow().getPort());
        assertEquals("TLS", resolver.resolve(uri("sips:bob@127.0.0.1")).orElseThrow().getTransport());
        assertEquals(5061, resolver.resolve(uri("sips:bob@127.0.0.1")).orElseThrow().getPort());
    }

    @Test
    void srvLowestPriorityThenHighestWeight() throws Exception {
        Hop hop = resolver.resolve(uri("sip:bob@example.test")).orElseThrow();
        assertEquals(5090, hop.getPort());
        assertEquals("UDP", hop.getTransport());
    }

    @Test
    void withoutSrvTheNameItselfOn5060() throws Exception {
        Hop hop = resolver.resolve(uri("sip:bob@localhost")).orElseThrow();
        assertEquals(5060, hop.getPort());
    }

    @Test
    void srvNamesFollowTheTransport() {
        assertEquals("_sip._udp.example.com", DomainResolver.srvName("example.com", "UDP", false));
        assertEquals("_sip._tcp.example.com", DomainResolver.srvName("example.com", "TCP", false));
        assertEquals("_sips._tcp.example.com", DomainResolver.srvName("example.com", "TLS", true));
    }

    @Test
    void malformedRecordsAreSkipped() {
        assertNull(DomainResolver.Srv.parse("10 x 5060 a."));
        assertEquals(1, DomainResolver.ordered(Arrays.asList(null, DomainResolver.Srv.parse("0 0 0 ."),
                DomainResolver.Srv.parse("1 1 5060 a.example."))).size());
    }
}
