-- The levels as the platform published them (分区分级结果): each county's level for a day as computed at
-- the time, stored nightly for the new day and again within seconds whenever a case of the county or an
-- override changes. Recomputing a past day later may differ (cases corrected); this is what was shown.
create table zoning_level (
    county_code          varchar(15) not null references jurisdiction (code),
    day                  date        not null,
    level                text        not null check (level in ('LOW', 'MEDIUM', 'HIGH')),
    computed             text        not null check (computed in ('LOW', 'MEDIUM', 'HIGH')),
    rules                text        not null,
    cumulative_confirmed int         not null,
    confirmed_within_14  int         not null,
    clusters_within_14   int         not null,
    computed_at          timestamptz not null default now(),
    primary key (county_code, day)
);

-- Every change of a published level: when a county went up or down.
create table zoning_level_change (
    id          bigserial primary key,
    county_code varchar(15) not null references jurisdiction (code),
    day         date        not null,
    from_level  text,
    to_level    text        not null,
    at          timestamptz not null default now()
);
create index zoning_level_change_at on zoning_level_change (at desc);
