package org.switchboard.sip.proxy;

/**
 * The best final response among a request's branches, RFC 3261 section 16.7 step 6: a 6xx wins
 * over anything below it; otherwise the lowest class (4xx before 5xx), the first of a class kept.
 * When none came, or the best is a 503 (whose "try elsewhere" meant this proxy, not the caller,
 * step 6), the proxy answers itself: 408 and 500.
 *
 * @param <R> the response type (JAIN-SIP's Response in the proxy, anything in tests)
 */
final class BestResponse<R> {

    private R best;
    private int bestStatus;

    /** A final (>= 300) response of one branch. */
    void offer(R response, int status) {
        if (best == null
                || (status >= 600 && bestStatus < 600)
                || (bestStatus < 600 && status / 100 < bestStatus / 100)) {
            best = response;
            bestStatus = status;
        }
    }

    /** The status the proxy must answer with itself, or 0 when {@link #best()} is forwarded as it is. */
    int ownAnswer() {
        if (best == null) {
            return 408;
        }
        return bestStatus == 503 ? 500 : 0;
    }

    /** The response to forward when {@link #ownAnswer()} is 0. */
    R best() {
        return best;
    }
}
