-- 病例: the case registry. A case's status changes are dated events (history kept), so the figures
-- of any past day can be recomputed. A case counts in the jurisdiction it is recorded in (where the
-- case lives; for the 2020 replay, the county of the diagnosing hospital).
create table designated_hospital (
    id                bigserial primary key,
    name              text        not null,
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    beds              int         not null check (beds >= 0),
    icu_beds          int         not null check (icu_beds >= 0),
    created_at        timestamptz not null default now()
);

create table case_record (
    id                   bigserial primary key,
    person_id            bigint references person (id),
    status               text        not null check (status in ('SUSPECTED', 'CONFIRMED', 'EXCLUDED', 'CURED', 'DIED', 'ASYMPTOMATIC')),
    jurisdiction_code    varchar(15) not null references jurisdiction (code),
    jurisdiction_path    ltree       not null,
    hospital_id          bigint references designated_hospital (id),
    onset_on             date,
    reported_on          date        not null,
    confirmed_on         date,
    discharged_on        date,
    observation_order_id bigint,
    tracing_ref          text,
    note                 text        not null default '',
    created_at           timestamptz not null default now(),
    created_by           text        not null
);
create index case_record_place on case_record using gist (jurisdiction_path);

-- every status a case has had, from which day: the figures of day D read the last event on or before D
create table case_event (
    id      bigserial primary key,
    case_id bigint      not null references case_record (id),
    status  text        not null check (status in ('SUSPECTED', 'CONFIRMED', 'EXCLUDED', 'CURED', 'DIED', 'ASYMPTOMATIC')),
    on_date date        not null,
    at      timestamptz not null default now(),
    by_user text        not null,
    note    text        not null default ''
);
create index case_event_case on case_event (case_id, on_date, id);
create index case_event_day on case_event (on_date, status);

-- 聚集性疫情: two or more confirmed cases within 14 days in one setting, recorded by an epidemiologist
create table cluster (
    id                bigserial primary key,
    setting           text        not null check (setting in ('FAMILY', 'BUILDING', 'WORKPLACE', 'VENUE', 'OTHER')),
    name              text        not null,
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    jurisdiction_path ltree       not null,
    first_case_on     date        not null,
    recorded_by       text        not null,
    recorded_at       timestamptz not null default now()
);
create table cluster_case (
    cluster_id bigint not null references cluster (id),
    case_id    bigint not null references case_record (id),
    primary key (cluster_id, case_id)
);
