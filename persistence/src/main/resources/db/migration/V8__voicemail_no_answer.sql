-- Calls reach voicemail (issue 10).
-- How long a callee's phones ring before voicemail answers; NULL means the service's default
-- (switchboard.voicemail.no-answer-seconds), so the default lives in the settings file only.
ALTER TABLE voicemail_settings ADD COLUMN no_answer_seconds INTEGER;
ALTER TABLE voicemail_settings ADD CONSTRAINT ck_voicemail_settings_no_answer
    CHECK (no_answer_seconds IS NULL OR no_answer_seconds BETWEEN 5 AND 300);

-- A call that voicemail answered has its own disposition.
ALTER TABLE call_detail_record DROP CONSTRAINT ck_cdr_disposition;
ALTER TABLE call_detail_record ADD CONSTRAINT ck_cdr_disposition
    CHECK (disposition IN ('ANSWERED', 'BUSY', 'NO_ANSWER', 'CANCELLED', 'FAILED', 'VOICEMAIL'));
