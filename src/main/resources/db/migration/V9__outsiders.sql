-- 外来人员登记台账: everyone who came into a village, community or grid from elsewhere. The origin
-- may lie outside Shandong, so it is free text with an optional division code (e.g. 420100 武汉市).
create table outsider (
    id                bigserial primary key,
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    person_id         bigint      not null references person (id),
    origin            text        not null,
    origin_code       varchar(12) check (origin_code ~ '^[0-9]{2,12}$'),
    from_key_area     boolean     not null,
    arrived_on        date        not null,
    left_key_area_on  date,
    address           text        not null,
    household_id      bigint references household (id),
    purpose           text        not null default '',
    left_on           date,
    created_at        timestamptz not null default now(),
    created_by        text
);
create index outsider_jurisdiction on outsider (jurisdiction_code, arrived_on);
create index outsider_person on outsider (person_id);
