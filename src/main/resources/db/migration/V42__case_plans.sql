-- 一例一方案 (issue 16): a confirmed case's clinical type (轻型 / 普通型 / 重型 / 危重型) with its history;
-- every severe or critical case gets one treatment plan by an expert group, and remote
-- consultations are recorded with what they changed. Kept with the case (a statutory record).
alter table case_record add column severity text check (severity in ('MILD', 'MODERATE', 'SEVERE', 'CRITICAL'));
alter table case_record add column severity_on date;

create table case_severity_event (
    id       bigserial primary key,
    case_id  bigint      not null references case_record (id),
    severity text        not null check (severity in ('MILD', 'MODERATE', 'SEVERE', 'CRITICAL')),
    on_date  date        not null,
    by_user  text        not null,
    note     text        not null default '',
    at       timestamptz not null default now()
);
create index case_severity_event_case on case_severity_event (case_id, id);

create table case_plan (
    case_id    bigint primary key references case_record (id),
    experts    text        not null,
    plan       text        not null,
    version    int         not null,
    updated_by text        not null,
    updated_at timestamptz not null default now()
);

create table case_consultation (
    id          bigserial primary key,
    case_id     bigint      not null references case_record (id),
    held_at     timestamptz not null,
    experts     text        not null,
    notes       text        not null,
    -- the plan as the consultation left it, when it changed it
    new_plan    text,
    recorded_by text        not null,
    recorded_at timestamptz not null default now()
);
create index case_consultation_case on case_consultation (case_id, held_at desc);
