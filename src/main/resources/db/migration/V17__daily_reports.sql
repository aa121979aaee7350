-- 日报告、零报告 (docs/rules.md): every reporting unit (for now every village and community) reports each
-- day by the deadline (10:00 the next day by default), zero reports included. A correction adds a
-- new version; earlier versions stay, with who sent them.
create table daily_report (
    id                  bigserial primary key,
    unit_code           varchar(15) not null references jurisdiction (code),
    day                 date        not null,
    version             int         not null,
    current             boolean     not null default true,
    zero                boolean     not null,
    new_fever           int         not null check (new_fever >= 0),
    new_suspected       int         not null check (new_suspected >= 0),
    new_confirmed       int         not null check (new_confirmed >= 0),
    new_close_contacts  int         not null check (new_close_contacts >= 0),
    home_observation    int         not null check (home_observation >= 0),
    central_observation int         not null check (central_observation >= 0),
    released            int         not null check (released >= 0),
    key_area_arrivals   int         not null check (key_area_arrivals >= 0),
    late                boolean     not null,
    submitted_by        text        not null,
    submitted_at        timestamptz not null default now(),
    unique (unit_code, day, version),
    -- a zero report is an explicit act: every count zero
    check (not zero or (new_fever + new_suspected + new_confirmed + new_close_contacts + home_observation
                        + central_observation + released + key_area_arrivals) = 0)
);
create unique index daily_report_current on daily_report (unit_code, day) where current;
create index daily_report_day on daily_report (day, unit_code) where current;
