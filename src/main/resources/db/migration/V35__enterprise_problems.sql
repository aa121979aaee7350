-- 企业诉求: an enterprise's problem, held by the task force (专班) of its county, or of its city or
-- the province once escalated, with a deadline; replies and the resolution kept with it.
create table enterprise_problem (
    id            bigserial primary key,
    enterprise_id bigint      not null references enterprise (id),
    kind          text        not null check (kind in ('STAFF', 'MATERIALS', 'LOGISTICS', 'FUNDING', 'POLICY', 'OTHER')),
    description   text        not null check (description <> ''),
    held_by       varchar(15) not null references jurisdiction (code),
    due_on        date        not null,
    status        text        not null default 'OPEN' check (status in ('OPEN', 'RESOLVED')),
    raised_by     text        not null,
    raised_at     timestamptz not null default now(),
    resolved_by   text,
    resolved_at   timestamptz,
    resolution    text
);
create index enterprise_problem_open on enterprise_problem (held_by, due_on) where status = 'OPEN';
create index enterprise_problem_enterprise on enterprise_problem (enterprise_id, raised_at desc);

create table enterprise_problem_reply (
    id           bigserial primary key,
    problem_id   bigint      not null references enterprise_problem (id) on delete cascade,
    body         text        not null check (body <> ''),
    -- set when the reply escalated the problem to this task force
    escalated_to varchar(15) references jurisdiction (code),
    written_by   text        not null,
    written_at   timestamptz not null default now()
);
create index enterprise_problem_reply_problem on enterprise_problem_reply (problem_id, written_at);
