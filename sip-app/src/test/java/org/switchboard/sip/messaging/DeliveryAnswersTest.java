package org.switchboard.sip.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the answers of a recipient's contacts settle one delivery of a stored message. */
class DeliveryAnswersTest {

    private static final int UNDECIDED = DeliveryAnswers.UNDECIDED;

    @Test
    void theFirst2xxSettlesAtOnceAndLaterAnswersChangeNothing() {
        DeliveryAnswers answers = new DeliveryAnswers(3);
        assertEquals(UNDECIDED, answers.answer(480));
        assertEquals(200, answers.answer(200));
        assertEquals(UNDECIDED, answers.answer(200));
        assertEquals(UNDECIDED, answers.timeUp());
    }

    @Test
    void whenAllFailAnAwayAnswerWinsSoTheMessageIsTriedAgain() {
        DeliveryAnswers answers = new DeliveryAnswers(2);
        assertEquals(UNDECIDED, answers.answer(415));
        assertEquals(480, answers.answer(480)); // one phone may take it later
    }

    @Test
    void whenAllRefuseTheFirstRefusalSettles() {
        DeliveryAnswers answers = new DeliveryAnswers(2);
        assertEquals(UNDECIDED, answers.answer(415));
        assertEquals(415, answers.answer(488));
    }

    @Test
    void silenceUntilTheTimeIsUpIsNoAnswer() {
        DeliveryAnswers answers = new DeliveryAnswers(2);
        assertEquals(UNDECIDED, answers.answer(415));
        assertEquals(0, answers.timeUp());
        assertEquals(UNDECIDED, answers.answer(200)); // too late: it was settled as "no answer"
    }

    @Test
    void oneContactThatTimesOutIsNoAnswer() {
        assertEquals(0, new DeliveryAnswers(1).answer(0));
    }
}
