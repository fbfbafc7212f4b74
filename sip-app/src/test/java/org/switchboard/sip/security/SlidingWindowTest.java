package org.switchboard.sip.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void sixteenInTwoSecondsPassAndTheSeventeenthIsTooMany() {
        SlidingWindow<String> window = new SlidingWindow<>(16, 2000 * MS);
        for (int i = 0; i < 16; i++) {
            assertFalse(window.exceeded("a", i * 100 * MS), "event " + (i + 1));
        }
        assertTrue(window.exceeded("a", 1600 * MS));
    }

    @Test
    void eventsSpreadWiderThanTheWindowNeverExceedIt() {
        SlidingWindow<String> window = new SlidingWindow<>(16, 2000 * MS);
        // One every 125 ms: exactly 16 in any 2 s, never 17 (a phone's steady traffic at the limit).
        for (int i = 0; i < 1000; i++) {
            assertFalse(window.exceeded("a", i * 125 * MS), "event " + i);
        }
    }

    @Test
    void keysAreCountedApart() {
        SlidingWindow<String> window = new SlidingWindow<>(2, 1000 * MS);
        assertFalse(window.exceeded("a", 0));
        assertFalse(window.exceeded("a", 1));
        assertFalse(window.exceeded("b", 2));
        assertTrue(window.exceeded("a", 3));
        assertEquals(1, window.count("b", 3));
    }

    @Test
    void theWindowSlides() {
        SlidingWindow<String> window = new SlidingWindow<>(2, 1000 * MS);
        assertFalse(window.exceeded("a", 0));
        assertFalse(window.exceeded("a", 600 * MS));
        assertFalse(window.exceeded("a", 1000 * MS)); // the first is out of the window now
        assertTrue(window.exceeded("a", 1100 * MS)); // 600, 1000, 1100
        assertEquals(2, window.count("a", 1650 * MS)); // 1000 and 1100 only
    }

    @Test
    void idleKeysAreSweptAndResetForgets() {
        SlidingWindow<String> window = new SlidingWindow<>(3, 1000 * MS);
        window.exceeded("old", 0);
        window.exceeded("new", 900 * MS);
        window.sweep(1500 * MS);
        assertEquals(1, window.keys());
        window.reset("new");
        assertEquals(0, window.count("new", 1500 * MS));
    }
}
