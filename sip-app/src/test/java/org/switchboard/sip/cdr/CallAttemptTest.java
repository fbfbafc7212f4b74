package org.switchboard.sip.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.application.cdr.CallRecord;
import org.switchboard.persistence.cdr.Disposition;

class CallAttemptTest {

    private static CallAttempt attempt() {
        return new CallAttempt("c1", "alice", "bob", "sip:alice@localhost", "sip:bob@localhost", Instant.parse("2026-01-01T10:00:00Z"),
                "127.0.0.1:5070", "127.0.0.1:6000", "phone A");
    }

    @Test
    void finalStatusesMapToDispositions() {
        assertEquals(Disposition.BUSY, CallAttempt.dispositionOf(486, false));
        assertEquals(Disposition.BUSY, CallAttempt.dispositionOf(600, false));
        assertEquals(Disposition.NO_ANSWER, CallAttempt.dispositionOf(408, false));
        assertEquals(Disposition.NO_ANSWER, CallAttempt.dispositionOf(480, false));
        assertEquals(Disposition.CANCELLED, CallAttempt.dispositionOf(487, true));
        assertEquals(Disposition.FAILED, CallAttempt.dispositionOf(487, false));
        assertEquals(Disposition.FAILED, CallAttempt.dispositionOf(404, false));
    }

    @Test
    void answeredCallLastsFromAnswerToEndAndIsWrittenOnce() {
        CallAttempt call = attempt();
        call.answered(Instant.parse("2026-01-01T10:00:05Z"), "127.0.0.1:5080", "127.0.0.1:6002", "phone B");
        CallRecord record = call.finish(Instant.parse("2026-01-01T10:01:05Z"), 0);
        assertEquals(Disposition.ANSWERED, record.disposition());
        assertNull(record.failureCode());
        assertEquals(60, record.durationSeconds());
        assertEquals("127.0.0.1:5080", record.calleeSignalingAddress());
        assertEquals("127.0.0.1:6002", record.calleeMediaAddress());
        assertEquals("phone B", record.calleeUserAgent());
        assertNull(call.finish(Instant.parse("2026-01-01T10:02:00Z"), 0), "a second end writes nothing");
    }

    @Test
    void callVoicemailAnsweredLastsAsLongAsItsRecordingAndWaitsForIt() {
        CallAttempt call = attempt();
        call.divertedToVoicemail();
        call.answered(Instant.parse("2026-01-01T10:00:05Z"), "127.0.0.1:5060", "127.0.0.1:40000", null);
        Instant bye = Instant.parse("2026-01-01T10:00:20Z");
        org.junit.jupiter.api.Assertions.assertFalse(call.endedAt(bye), "the BYE came before the recording's length");
        assertEquals(bye, call.recorded(java.time.Duration.ofMillis(7_600)));
        CallRecord record = call.finish(bye, 0);
        assertEquals(Disposition.VOICEMAIL, record.disposition());
        assertEquals(8, record.durationSeconds(), "the recording's 7.6 s, not the 15 s from answer to BYE");
        assertNull(record.failureCode());
    }

    @Test
    void recordingLengthFirstThenByeWritesAtOnce() {
        CallAttempt call = attempt();
        call.divertedToVoicemail();
        call.answered(Instant.parse("2026-01-01T10:00:05Z"), "127.0.0.1:5060", "127.0.0.1:40000", null);
        assertNull(call.recorded(java.time.Duration.ofSeconds(10)), "not ended yet: our own BYE follows");
        org.junit.jupiter.api.Assertions.assertTrue(call.endedAt(Instant.parse("2026-01-01T10:00:30Z")));
        assertEquals(10, call.finish(Instant.parse("2026-01-01T10:00:30Z"), 0).durationSeconds());
    }

    @Test
    void divertedButUnansweredIsItsRealOutcome() {
        CallAttempt call = attempt();
        call.divertedToVoicemail();
        assertEquals(Disposition.FAILED, call.finish(Instant.parse("2026-01-01T10:00:03Z"), 503).disposition());
    }

    @Test
    void cancelledCallKeepsItsCode() {
        CallAttempt call = attempt();
        call.cancelledByCaller();
        CallRecord record = call.finish(Instant.parse("2026-01-01T10:00:03Z"), 487);
        assertEquals(Disposition.CANCELLED, record.disposition());
        assertEquals(487, record.failureCode());
        assertEquals(0, record.durationSeconds());
    }
}
