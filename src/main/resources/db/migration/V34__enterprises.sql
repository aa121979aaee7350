-- 复工复产: enterprises on the jurisdiction tree, their resumption filings and their states.

create table enterprise (
    id                bigserial primary key,
    -- 统一社会信用代码 (GB 32100-2015), checked in code
    credit_code       text        not null unique check (length(credit_code) = 18),
    name              text        not null check (name <> ''),
    -- GB/T 4754-2017: section letter A–T and two-digit division 01–97
    industry_section  char(1)     not null,
    industry_division char(2)     not null,
    size_class        text        not null check (size_class in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
    above_scale       boolean     not null default false,
    medical_supplies  boolean     not null default false,
    livelihood_supply boolean     not null default false,
    -- the village or community its address lies in; an industrial park by name
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    park              text        not null default '',
    address           text        not null default '',
    staff_total       integer     not null check (staff_total >= 0),
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index enterprise_place on enterprise (jurisdiction_code);
create index enterprise_name_trgm on enterprise using gin (name gin_trgm_ops);

-- An ENTERPRISE account sees and files for its own enterprise only.
create table enterprise_account (
    username      text        primary key,
    enterprise_id bigint      not null references enterprise (id),
    assigned_by   text        not null,
    assigned_at   timestamptz not null default now()
);
create index enterprise_account_enterprise on enterprise_account (enterprise_id);

-- The enterprise's state from a day on (未复工 / 已备案 / 已复工 / 达产) with its staff back and in
-- all; one row per enterprise and day (a second change that day replaces the first). Place,
-- industry and scale are kept as they were that day, so a day's rates never change afterwards.
create table enterprise_status (
    enterprise_id bigint      not null references enterprise (id),
    day           date        not null,
    state         text        not null check (state in ('NOT_RESUMED', 'FILED', 'RESUMED', 'FULL_PRODUCTION')),
    staff_back    integer     not null check (staff_back >= 0),
    staff_total   integer     not null check (staff_total >= 0),
    place_code    varchar(15) not null,
    section       char(1)     not null,
    above_scale   boolean     not null,
    changed_by    text        not null,
    changed_at    timestamptz not null default now(),
    note          text        not null default '',
    primary key (enterprise_id, day)
);
-- a county's enterprises (the rates of a county and below are derived from their states)
create index enterprise_status_county on enterprise_status (left(place_code, 6));

-- The rates' running sums per county, industry section, scale and day: what changed that day.
-- A day's figures are the sums of every row up to it, so the province's rates with its cities are
-- one pass over at most counties × sections × 2 × days rows, whatever the number of enterprises.
create table enterprise_rate_delta (
    county_code  varchar(6) not null,
    section      char(1)    not null,
    above_scale  boolean    not null,
    day          date       not null,
    enterprises  integer    not null default 0,
    resumed      integer    not null default 0,
    full_output  integer    not null default 0,
    staff_total  bigint     not null default 0,
    staff_back   bigint     not null default 0,
    primary key (county_code, section, above_scale, day)
);

-- 复工备案: the enterprise's filing, approved or returned by the township or park officer.
create table resumption_filing (
    id                       bigserial primary key,
    enterprise_id            bigint      not null references enterprise (id),
    temperature_checks       boolean     not null,
    disinfection             boolean     not null,
    supplies_three_days      boolean     not null,
    isolation_room           boolean     not null,
    staggered_meals          boolean     not null,
    plan                     text        not null default '',
    -- the responsible person of a legal entity: a business contact, sealed and masked all the same
    responsible_name_sealed  bytea       not null,
    responsible_name_masked  text        not null,
    responsible_phone_sealed bytea       not null,
    responsible_phone_masked text        not null,
    pledge                   boolean     not null check (pledge),
    planned_on               date        not null,
    staff_expected           integer     not null check (staff_expected >= 0),
    status                   text        not null default 'SUBMITTED' check (status in ('SUBMITTED', 'APPROVED', 'RETURNED')),
    submitted_by             text        not null,
    submitted_at             timestamptz not null default now(),
    decided_by               text,
    decided_at               timestamptz,
    return_reason            text
);
create index resumption_filing_enterprise on resumption_filing (enterprise_id, submitted_at desc);
create unique index resumption_filing_one_open on resumption_filing (enterprise_id) where status = 'SUBMITTED';

-- Figures a government published for a node and day (the 2020 replay: the province on 2020-02-23),
-- shown beside the computed rates.
create table enterprise_published_rate (
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    day               date        not null,
    above_scale_only  boolean     not null,
    resumed           integer     not null,
    resumed_percent   numeric(4, 1) not null,
    staff_back        bigint      not null,
    staff_percent     numeric(4, 1) not null,
    source            text        not null,
    primary key (jurisdiction_code, day)
);
