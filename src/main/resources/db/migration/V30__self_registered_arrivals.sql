-- 来青人员登记: arrivals register themselves on a public page before the grid worker comes. Their row
-- waits in the village's outsider ledger as "self-registered, to confirm" until the grid worker
-- confirms or corrects it; only then does it count as registered (observation, daily report).
alter table outsider
    add column self_registered boolean not null default false,
    add column confirmed_at    timestamptz,
    add column confirmed_by    text,
    add column updated_at      timestamptz;

-- One open self-registration per person: registering again updates it (any village).
create unique index outsider_self_registration on outsider (person_id) where self_registered and confirmed_at is null;
create index outsider_to_confirm on outsider (jurisdiction_code) where self_registered and confirmed_at is null;
