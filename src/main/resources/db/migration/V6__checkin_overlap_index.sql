-- Exposure tracing reads, for each of an index person's visits, every visit at the same venue around
-- that time. With the rest of the row in the index those reads are index-only scans (once a day's
-- partition has been vacuumed) instead of one random heap page per visit: on 21 million visits
-- about 6 ms -> 0.2 ms per busy index visit (docs/benchmarks.md). The index serves every use of the
-- one it replaces.
create index checkin_venue_time_cover on checkin (venue_id, checked_in_at)
    include (checked_out_at, day, phone_hash, phone_masked, id);
drop index checkin_venue_time;
