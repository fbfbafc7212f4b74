-- Issue 8 (self-care portal): a subscriber marks a stored voicemail as heard (null: not yet).
-- (If another branch also brings a V2, renumber this one at the merge.)
ALTER TABLE voicemail ADD COLUMN heard_at TIMESTAMP WITH TIME ZONE;
