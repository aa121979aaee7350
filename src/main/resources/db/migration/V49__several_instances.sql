-- Several instances on one database (issue 20).

-- db-scheduler's table (its PostgreSQL schema, version 16): every recurring task of the platform is one row,
-- picked by one instance at a time, so each runs once per cluster.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- a long job's progress is in the database, so any instance answers its page; the instance running it
-- beats every few seconds, and a job whose instance stopped beating is marked interrupted by any other
alter table job add column phase text, add column done bigint not null default 0, add column total bigint not null default 0,
    add column instance text, add column heartbeat_at timestamptz;

-- counties whose published level must be recomputed (a case or an override changed): kept here, not in the
-- memory of the instance that saw the change, so whichever instance publishes next finds them
create table zoning_pending (
    county_code text primary key,
    marked_at   timestamptz not null default now()
);
