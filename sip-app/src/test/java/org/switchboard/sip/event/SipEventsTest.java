package org.switchboard.sip.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An observer that throws must not stop the others, nor reach the SIP path. */
class SipEventsTest {

    @Test
    void aFailingObserverDoesNotStopTheOthersNorThrow() {
        List<String> seen = new ArrayList<>();
        SipObserver broken = new SipObserver() {
            @Override
            public void callFailed(String callId, int status) {
                throw new IllegalStateException("broken observer");
            }
        };
        SipObserver cdrs = new SipObserver() {
            @Override
            public void callFailed(String callId, int status) {
                seen.add(callId + " " + status);
            }
        };
        SipEvents events = SipEvents.of(List.of(broken, cdrs));
        events.callFailed("call-1", 486);
        events.callFailed("call-2", 404);
        assertEquals(List.of("call-1 486", "call-2 404"), seen);
    }
}
