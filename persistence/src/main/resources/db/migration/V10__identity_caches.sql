-- The busiest tables take their ids from their identity sequence in blocks (${identity_cache}: 1,000
-- on H2, 1 on PostgreSQL; SchemaMigration says why). H2 stores the whole database file each time a
-- block runs out, 32 values by default: at 300 calls/s, about 5,000 trace rows a second, those
-- stores were 18 % of the server's CPU (JFR, 2 Dec 2026). After a crash H2 goes on past the block,
-- so ids are never reused and still follow the order rows were written in.
ALTER TABLE trace_message ALTER COLUMN id SET CACHE ${identity_cache};
ALTER TABLE call_detail_record ALTER COLUMN id SET CACHE ${identity_cache};
ALTER TABLE offline_message ALTER COLUMN id SET CACHE ${identity_cache};
ALTER TABLE audit_entry ALTER COLUMN id SET CACHE ${identity_cache};
