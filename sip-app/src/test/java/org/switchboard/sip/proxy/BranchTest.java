package org.switchboard.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 3261 section 16.10 / 9.1: a branch is cancelled once, and only after a provisional response. */
class BranchTest {

    @Test
    void aCancelBeforeAnyProvisionalWaitsForTheFirstOne() {
        Branch branch = new Branch(null, null);
        assertFalse(branch.cancelRequested(), "nothing came back yet: the CANCEL must wait");
        assertTrue(branch.provisional(100), "the 100 Trying lets the wanted CANCEL go");
        assertTrue(branch.markCancelSent());
        assertFalse(branch.provisional(180), "sent once only");
    }

    @Test
    void aRingingBranchIsCancelledAtOnceAndOnlyOnce() {
        Branch branch = new Branch(null, null);
        assertFalse(branch.provisional(180), "no CANCEL wanted");
        assertTrue(branch.cancelRequested());
        assertTrue(branch.markCancelSent());
        assertFalse(branch.cancelRequested());
        assertFalse(branch.markCancelSent());
    }

    @Test
    void aBranchWithItsFinalAnswerIsNotCancelled() {
        Branch branch = new Branch(null, null);
        branch.provisional(180);
        branch.finalResponse(null, 486);
        assertFalse(branch.isPending());
        assertFalse(branch.cancelRequested());
    }
}
