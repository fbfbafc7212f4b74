package org.switchboard.sip.messaging;

import org.switchboard.application.messaging.DeliveryOutcome;

/**
 * The answers of the contacts a stored message went to, made into one status: the first 2xx at
 * once; once every contact answered, an "away" answer (408, 480, 503, none) if any contact gave
 * one, since that contact may take it later, else the first refusal; when time is up, 0 (no
 * answer). Decides once: later answers change nothing. Thread-safe (answers come on several threads).
 */
final class DeliveryAnswers {

    /** Returned while the delivery is still undecided. */
    static final int UNDECIDED = -1;

    private final int contacts;
    private int finals;
    private int away = UNDECIDED;
    private int refusal = UNDECIDED;
    private boolean decided;

    DeliveryAnswers(int contacts) {
        this.contacts = contacts;
    }

    /** A contact's final answer (0: it gave none); the status that settles the delivery, or {@link #UNDECIDED}. */
    synchronized int answer(int status) {
        if (decided) {
            return UNDECIDED;
        }
        if (status >= 200 && status < 300) {
            decided = true;
            return status;
        }
        finals++;
        if (DeliveryOutcome.isAway(status)) {
            away = status;
        } else if (refusal == UNDECIDED) {
            refusal = status;
        }
        if (finals < contacts) {
            return UNDECIDED;
        }
        decided = true;
        return away != UNDECIDED ? away : refusal;
    }

    /** The answer time is up: 0 (no answer) unless already decided. */
    synchronized int timeUp() {
        if (decided) {
            return UNDECIDED;
        }
        decided = true;
        return 0;
    }
}
