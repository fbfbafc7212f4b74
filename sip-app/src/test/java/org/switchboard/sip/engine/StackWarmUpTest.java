package org.switchboard.sip.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sip.SipFactory;
import org.junit.jupiter.api.Test;

class StackWarmUpTest {

    @Test
    void itsMessagesParseAndAreAnsweredWithinTheBudgetOrTheRoundLimit() throws Exception {
        SipFactory sip = SipFactory.getInstance();
        sip.setPathName("gov.nist");
        StackWarmUp.Done limited = StackWarmUp.run(sip.createMessageFactory(), sip.createHeaderFactory(), 60_000, 50);
        assertEquals(50, limited.rounds(), "stops at the round limit");

        StackWarmUp.Done timed = StackWarmUp.run(sip.createMessageFactory(), sip.createHeaderFactory(), 300, Integer.MAX_VALUE);
        assertTrue(timed.rounds() > 0, "did some rounds");
        assertTrue(timed.millis() < 3_000, "stops near its budget: " + timed.millis() + " ms");
    }
}
