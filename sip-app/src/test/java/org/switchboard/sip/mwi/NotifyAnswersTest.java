package org.switchboard.sip.mwi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which answers to a NOTIFY end the subscription (RFC 6665 section 4.2.2); MessageWaitingIT does it end to end. */
class NotifyAnswersTest {

    @ParameterizedTest
    @ValueSource(ints = {481, 408, 404, 480, 500, 503, 302, 603})
    void anErrorEndsTheSubscription(int status) {
        assertTrue(MessageWaiting.endsSubscription(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 180, 200, 202, 401, 407})
    void successAndChallengesDoNot(int status) {
        assertFalse(MessageWaiting.endsSubscription(status));
    }
}
