package org.switchboard.sip.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class StackMessageEventsTest {

    @Test
    void splitsHostAndPortOfEveryForm() {
        assertArrayEquals(new String[] {"127.0.0.1", "5060"}, StackMessageEvents.hostPort("127.0.0.1:5060"));
        assertArrayEquals(new String[] {"::1", "5260"}, StackMessageEvents.hostPort("[::1]:5260"));
        assertArrayEquals(new String[] {"::1", "5260"}, StackMessageEvents.hostPort("::1:5260"));
        assertArrayEquals(new String[] {"", "0"}, StackMessageEvents.hostPort(null));
    }
}
