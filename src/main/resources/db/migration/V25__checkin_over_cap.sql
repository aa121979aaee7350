-- Scans beyond a phone's daily cap are kept and flagged instead of refused: whoever types someone
-- else's number many times cannot lock its owner out of checking in.
alter table checkin add column over_cap boolean not null default false;
