package org.switchboard.sip.proxy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a proxied request goes, and the decisions of its state machine that depend on it: the
 * targets in groups, each group's targets in parallel, the next group only when every branch of
 * one failed below 6xx or Timer C ended its ringing, and never once the caller cancelled
 * (sequential search by q-value, RFC 3261 section 16.6 and 16.7; Kamailio's
 * t_load_contacts/t_next_contacts). Plain data, so it is tested without a stack.
 *
 * @param <T> a target (a URI in the proxy)
 */
final class ForkPlan<T> {

    /** What to do after a branch's final non-2xx response. */
    enum AfterFailure {
        /** Other branches still pending, or the caller already has a final answer. */
        WAIT,
        /** Every branch of this group failed: ring the next group. */
        NEXT_GROUP,
        /** Nothing left to try: send the best response (16.7 step 6). */
        SEND_BEST
    }

    /** What Timer C (16.6 step 11: 180 s of ringing) does. */
    enum AfterTimerC {
        /** The caller already has a final answer. */
        NOTHING,
        /** Cancel the ringing branches; their 487s then start the next group. */
        CANCEL_THEN_NEXT_GROUP,
        /** Cancel the ringing branches and answer the caller 408. */
        CANCEL_AND_ANSWER_408
    }

    /** What the caller's CANCEL does (16.10). */
    enum AfterCancel {
        /** The caller already has a final answer: only the 200 to the CANCEL. */
        NOTHING,
        /** No branch is pending (e.g. between two groups): answer 487 ourselves. */
        ANSWER_487,
        /** Cancel every pending branch; their 487 goes to the caller. */
        CANCEL_BRANCHES
    }

    private final Deque<List<T>> groups = new ArrayDeque<>();
    private boolean cancelledByCaller;

    private ForkPlan() {
    }

    /** Every target at once (one group). */
    static <T> ForkPlan<T> parallel(List<T> targets) {
        ForkPlan<T> plan = new ForkPlan<>();
        plan.groups.add(List.copyOf(targets));
        return plan;
    }

    /** One group per q-value, highest first; equal q ring together, in the order added. */
    static <T> Builder<T> byQ() {
        return new Builder<>();
    }

    static final class Builder<T> {

        private final SortedMap<Float, List<T>> byQ = new TreeMap<>(Comparator.reverseOrder());

        Builder<T> add(T target, float q) {
            byQ.computeIfAbsent(q, key -> new ArrayList<>()).add(target);
            return this;
        }

        boolean isEmpty() {
            return byQ.isEmpty();
        }

        ForkPlan<T> build() {
            ForkPlan<T> plan = new ForkPlan<>();
            byQ.values().forEach(group -> plan.groups.add(List.copyOf(group)));
            return plan;
        }
    }

    boolean hasNextGroup() {
        return !groups.isEmpty();
    }

    /** The next group to ring (removed from the plan). */
    List<T> nextGroup() {
        return groups.poll();
    }

    boolean cancelledByCaller() {
        return cancelledByCaller;
    }

    /**
     * A branch answered {@code status} (>= 300). A 6xx ends the search everywhere (16.7 step 5),
     * as does the caller's CANCEL.
     */
    AfterFailure afterFailure(int status, boolean anyPending, boolean finalSent) {
        if (finalSent || anyPending) {
            return AfterFailure.WAIT;
        }
        if (hasNextGroup() && status < 600 && !cancelledByCaller) {
            return AfterFailure.NEXT_GROUP;
        }
        return AfterFailure.SEND_BEST;
    }

    AfterTimerC afterTimerC(boolean finalSent) {
        if (finalSent) {
            return AfterTimerC.NOTHING;
        }
        return hasNextGroup() ? AfterTimerC.CANCEL_THEN_NEXT_GROUP : AfterTimerC.CANCEL_AND_ANSWER_408;
    }

    /** The caller's CANCEL: remembered, so no later group is started. */
    AfterCancel cancelByCaller(boolean finalSent, boolean anyPending) {
        cancelledByCaller = true;
        if (finalSent) {
            return AfterCancel.NOTHING;
        }
        return anyPending ? AfterCancel.CANCEL_BRANCHES : AfterCancel.ANSWER_487;
    }
}
