-- A commander's override of a county's computed risk level, from a day on (until the next override;
-- an override with no level hands the county back to the computed level). The reason is required;
-- every override is also in the audit log.
create table zoning_override (
    id          bigserial primary key,
    county_code varchar(15) not null references jurisdiction (code),
    from_day    date        not null,
    level       text check (level in ('LOW', 'MEDIUM', 'HIGH')),
    reason      text        not null check (reason <> ''),
    by_user     text        not null,
    at          timestamptz not null default now()
);
create index zoning_override_county on zoning_override (county_code, from_day desc, id desc);
