-- Long jobs (imports, cross-matching): whoever started one can leave its page and come back. The
-- running job's progress lives in memory; its outcome is kept here. A job still RUNNING when the
-- platform starts was interrupted (its work is one transaction, so nothing of it was written).
create table job (
    id          uuid primary key,
    kind        text        not null,
    owner       text        not null,
    state       text        not null check (state in ('RUNNING', 'DONE', 'FAILED')),
    link        text,
    result      jsonb,
    error_key   text,
    started_at  timestamptz not null default now(),
    finished_at timestamptz
);
create index job_owner on job (owner, started_at desc);
