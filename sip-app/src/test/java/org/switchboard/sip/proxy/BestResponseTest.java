package org.switchboard.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** RFC 3261 section 16.7 step 6: which final answer the caller gets when no branch said 2xx. */
class BestResponseTest {

    private static BestResponse<String> of(int... statuses) {
        BestResponse<String> best = new BestResponse<>();
        for (int status : statuses) {
            best.offer("branch answered " + status, status);
        }
        return best;
    }

    @Test
    void aSixHundredWinsOverEverythingBelowIt() {
        BestResponse<String> best = of(486, 603, 404);
        assertEquals(0, best.ownAnswer());
        assertEquals("branch answered 603", best.best());
    }

    @Test
    void theFirstSixHundredStaysWhenAnotherComes() {
        assertEquals("branch answered 600", of(600, 603).best());
    }

    @Test
    void otherwiseTheLowestClassWins() {
        assertEquals("branch answered 486", of(500, 486).best());
        assertEquals("branch answered 302", of(500, 486, 302).best());
        assertEquals("branch answered 404", of(503, 404).best());
    }

    @Test
    void withinAClassTheFirstIsKept() {
        assertEquals("branch answered 486", of(486, 404, 480).best());
    }

    @Test
    void aBest503BecomesOurOwn500() {
        BestResponse<String> best = of(503);
        assertEquals(500, best.ownAnswer());
        assertEquals(500, of(503, 504).ownAnswer(), "503 came first in the 5xx class");
        assertEquals(0, of(504, 503).ownAnswer(), "504 is forwarded as it is");
    }

    @Test
    void noAnswerAtAllIs408() {
        BestResponse<String> best = of();
        assertEquals(408, best.ownAnswer());
        assertNull(best.best());
    }
}
