-- 企业日报 (issue 15): an enterprise that resumed work reports each day as a reporting unit, by the
-- same deadline as the villages: staff on site, new fevers among its staff, staff in isolation or
-- observation. A zero report (无异常) is an explicit act: no fever, nobody isolated. Corrections add a
-- version. place_code is the enterprise's place when it reported: a subtree's reports of a day are one
-- index range, as the villages' are.
create table enterprise_report (
    id            bigserial primary key,
    enterprise_id bigint      not null references enterprise (id),
    place_code    varchar(15) not null references jurisdiction (code),
    day           date        not null,
    version       int         not null,
    current       boolean     not null default true,
    zero          boolean     not null,
    staff_on_site int         not null check (staff_on_site >= 0),
    new_fever     int         not null check (new_fever >= 0),
    in_isolation  int         not null check (in_isolation >= 0),
    note          text        not null default '',
    late          boolean     not null,
    submitted_by  text        not null,
    submitted_at  timestamptz not null default now(),
    unique (enterprise_id, day, version),
    check (not zero or (new_fever = 0 and in_isolation = 0))
);
create unique index enterprise_report_current on enterprise_report (enterprise_id, day) where current;
create index enterprise_report_day on enterprise_report (day, place_code) where current;
