package org.switchboard.sip.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class StackMessageTraceTest {

    @Test
    void splitsHostAndPortOfEveryForm() {
        assertArrayEquals(new String[] {"127.0.0.1", "5060"}, StackMessageTrace.hostPort("127.0.0.1:5060"));
        assertArrayEquals(new String[] {"::1", "5260"}, StackMessageTrace.hostPort("[::1]:5260"));
        assertArrayEquals(new String[] {"::1", "5260"}, StackMessageTrace.hostPort("::1:5260"));
        assertArrayEquals(new String[] {"", "0"}, StackMessageTrace.hostPort(null));
    }
}
