-- 对比摸排: a list uploaded by an officer (e.g. people who came from Wuhan) matched against the
-- person registry, the ledgers and the check-ins. Each row keeps what the list said (sealed, with
-- masked copies) and where Fangkong places the person; every placed match becomes a follow-up task
-- (核查任务) on the task list of that village, community or grid.
create table match_list (
    id          bigserial primary key,
    name        text        not null,
    file_name   text        not null default '',
    scope_code  varchar(15) not null references jurisdiction (code),
    scope_path  ltree       not null,
    uploaded_by text        not null,
    uploaded_at timestamptz not null default now(),
    job_id      uuid,
    state       text        not null default 'RUNNING' check (state in ('RUNNING', 'DONE', 'FAILED')),
    total       int         not null default 0,
    matched     int         not null default 0,
    invalid     int         not null default 0
);
create index match_list_scope on match_list using gist (scope_path);

create table match_row (
    list_id           bigint      not null references match_list (id) on delete cascade,
    row_no            int         not null,
    name_sealed       bytea,
    name_masked       text        not null default '',
    id_sealed         bytea,
    id_masked         text,
    phone_sealed      bytea,
    phone_masked      text,
    left_on           date,
    arrived_on        date,
    -- a row that failed validation: the column and the reason; it is not matched
    error_field       text,
    error_key         text,
    person_id         bigint references person (id),
    matched           boolean     not null default false,
    -- where the person was placed: RESIDENT, OUTSIDER, CHECKPOINT or CHECKIN (or PERSON: known, not placed)
    source            text,
    jurisdiction_code varchar(15) references jurisdiction (code),
    household_id      bigint,
    address           text,
    venue_name        text,
    last_seen_at      timestamptz,
    checkpoint_name   text,
    passed_at         timestamptz,
    primary key (list_id, row_no)
);

create table follow_up_task (
    id                bigserial primary key,
    list_id           bigint      not null,
    row_no            int         not null,
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    created_at        timestamptz not null default now(),
    done_at           timestamptz,
    done_by           text,
    note              text,
    foreign key (list_id, row_no) references match_row (list_id, row_no) on delete cascade
);
create index follow_up_task_place on follow_up_task (jurisdiction_code, created_at);
create index follow_up_task_list on follow_up_task (list_id, row_no);
