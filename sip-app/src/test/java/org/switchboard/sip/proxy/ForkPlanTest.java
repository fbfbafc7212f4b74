package org.switchboard.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The proxy's state machine without a stack: sequential search by q-value (RFC 3261 16.6), what
 * a failed branch, Timer C (16.6 step 11) and the caller's CANCEL (16.10) lead to.
 */
class ForkPlanTest {

    private static ForkPlan<String> desk0_5Mobile1Laptop1() {
        return ForkPlan.<String>byQ().add("desk", 0.5f).add("mobile", 1.0f).add("laptop", 1.0f).build();
    }

    @Test
    void groupsByQHighestFirstEqualQTogetherInOrderAdded() {
        ForkPlan<String> plan = desk0_5Mobile1Laptop1();
        assertEquals(List.of("mobile", "laptop"), plan.nextGroup());
        assertTrue(plan.hasNextGroup());
        assertEquals(List.of("desk"), plan.nextGroup());
        assertFalse(plan.hasNextGroup());
        assertNull(plan.nextGroup());
    }

    @Test
    void parallelIsOneGroup() {
        ForkPlan<String> plan = ForkPlan.parallel(List.of("a", "b"));
        assertEquals(List.of("a", "b"), plan.nextGroup());
        assertFalse(plan.hasNextGroup());
    }

    @Test
    void aFailureWaitsWhileOtherBranchesRing() {
        ForkPlan<String> plan = desk0_5Mobile1Laptop1();
        plan.nextGroup();
        assertEquals(ForkPlan.AfterFailure.WAIT, plan.afterFailure(486, true, false));
    }

    @Test
    void whenTheWholeGroupFailedTheNextGroupRings() {
        ForkPlan<String> plan = desk0_5Mobile1Laptop1();
        plan.nextGroup();
        assertEquals(ForkPlan.AfterFailure.NEXT_GROUP, plan.afterFailure(486, false, false));
        plan.nextGroup();
        assertEquals(ForkPlan.AfterFailure.SEND_BEST, plan.afterFailure(486, false, false), "the last group failed");
    }

    @Test
    void aSixHundredEndsTheSearch() {
        ForkPlan<String> plan = desk0_5Mobile1Laptop1();
        plan.nextGroup();
        assertEquals(ForkPlan.AfterFailure.SEND_BEST, plan.afterFailure(603, false, false));
    }

    @Test
    void afterTheCallersCancelNoFurtherGroupRings() {
        ForkPlan<String> plan = desk0_5Mobile1Laptop1();
        plan.nextGroup();
        assertEquals(ForkPlan.AfterCancel.CANCEL_BRANCHES, plan.cancelByCaller(false, true));
        assertTrue(plan.cancelledByCaller());
        // the cancelled branches' 487s: the caller gets the best of them, the desk phone never rings
        assertEquals(ForkPlan.AfterFailure.SEND_BEST, plan.afterFailure(487, false, false));
    }

    @Test
    void aCancelWithNothingPendingIsAnswered487AndAfterTheFinalAnswerDoesNothing() {
        assertEquals(ForkPlan.AfterCancel.ANSWER_487, desk0_5Mobile1Laptop1().cancelByCaller(false, false));
        assertEquals(ForkPlan.AfterCancel.NOTHING, desk0_5Mobile1Laptop1().cancelByCaller(true, true));
    }

    @Test
    void timerCMovesToTheNextGroupOrAnswers408() {
        ForkPlan<String> plan = desk0_5Mobile1Laptop1();
        plan.nextGroup();
        assertEquals(ForkPlan.AfterTimerC.CANCEL_THEN_NEXT_GROUP, plan.afterTimerC(false));
        // the mobile's and laptop's 487s (Timer C, not the caller): the desk phone rings
        assertEquals(ForkPlan.AfterFailure.NEXT_GROUP, plan.afterFailure(487, false, false));
        plan.nextGroup();
        assertEquals(ForkPlan.AfterTimerC.CANCEL_AND_ANSWER_408, plan.afterTimerC(false));
        assertEquals(ForkPlan.AfterTimerC.NOTHING, plan.afterTimerC(true), "answered meanwhile");
    }

    @Test
    void afterTheFinalAnswerLateFailuresChangeNothing() {
        ForkPlan<String> plan = desk0_5Mobile1Laptop1();
        plan.nextGroup();
        assertEquals(ForkPlan.AfterFailure.WAIT, plan.afterFailure(486, false, true));
    }
}
