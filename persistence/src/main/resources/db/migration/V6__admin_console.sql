-- Admin console (issue 11).

-- Demo accounts are seeded once per database: a row per demo SIP user opened, kept when the account is
-- later deleted or blocked, so a restart in demo mode never reopens or unblocks it.
CREATE TABLE demo_seed (
    sip_user   VARCHAR(64) NOT NULL PRIMARY KEY,
    seeded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The audit log page filters by staff member and by account.
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, occurred_at);
CREATE INDEX ix_audit_entry_target ON audit_entry (target, occurred_at);
