-- Issue 8 (self-care portal): a subscriber marks a stored voicemail as heard (null: not yet).
-- Versioned 8.1 after the issue, so that other branches' V2, V3 ... never collide with it.
ALTER TABLE voicemail ADD COLUMN heard_at TIMESTAMP WITH TIME ZONE;
