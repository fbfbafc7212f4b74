-- Offline MESSAGE delivery (issue 9).
-- The body is kept as the bytes that came in (RFC 3428 bodies need not be text), with the
-- original To, and the delivery queue's state: when the next attempt is due (back-off after
-- 408/480/503/no answer) and until when a node holds the message it is delivering (the claim
-- that keeps two nodes from delivering it twice).
-- No code stored messages before this version, so the text column is replaced, not converted;
-- a table with rows would fail here (NOT NULL without a default) rather than lose them silently.
ALTER TABLE offline_message DROP COLUMN body;
ALTER TABLE offline_message ADD COLUMN body BYTEA NOT NULL;
ALTER TABLE offline_message ADD COLUMN recipient_uri VARCHAR(512) NOT NULL;
ALTER TABLE offline_message ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL;
ALTER TABLE offline_message ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_offline_message_next_attempt ON offline_message (next_attempt_at);
