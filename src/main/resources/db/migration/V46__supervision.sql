-- 督导检查 (issue 17): an inspector's visit to a unit (announced or unannounced, 暗访), findings against a
-- checklist with optional photos, each with a rectification deadline; the unit responds, the inspector
-- confirms or reopens; open findings per node.
create table supervision_visit (
    id          bigserial primary key,
    unit_code   varchar(15) not null references jurisdiction (code),
    unannounced boolean     not null,
    visited_at  timestamptz not null,
    inspector   text        not null,
    summary     text        not null default '',
    created_at  timestamptz not null default now()
);
create index supervision_visit_unit on supervision_visit (unit_code, visited_at desc);

create table supervision_finding (
    id            bigserial primary key,
    visit_id      bigint      not null references supervision_visit (id),
    unit_code     varchar(15) not null references jurisdiction (code),
    item          text        not null check (item in ('CHECKPOINT_UNMANNED', 'LEDGER_NOT_CURRENT', 'NO_TEMPERATURE_CHECK',
                                                       'OBSERVATION_LAPSE', 'NO_DAILY_REPORT', 'SUPPLIES_SHORT', 'DISINFECTION', 'OTHER')),
    detail        text        not null,
    due_on        date        not null,
    status        text        not null default 'OPEN' check (status in ('OPEN', 'RESPONDED', 'CLOSED')),
    response      text,
    responded_by  text,
    responded_at  timestamptz,
    closed_by     text,
    closed_at     timestamptz
);
create index supervision_finding_open on supervision_finding (unit_code) where status <> 'CLOSED';

-- photos: small JPEG or PNG, at most 2 MB each, 3 per finding
create table supervision_photo (
    id         bigserial primary key,
    finding_id bigint not null references supervision_finding (id),
    content    bytea  not null,
    media_type text   not null check (media_type in ('image/jpeg', 'image/png'))
);
