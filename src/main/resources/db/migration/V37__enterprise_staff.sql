-- An enterprise's staff roster: who works there, sealed like every identity; staff coming back from
-- outside the city may work once their 14 days of observation end.
create table enterprise_staff (
    id            bigserial primary key,
    enterprise_id bigint      not null references enterprise (id),
    name_sealed   bytea       not null,
    name_masked   text        not null,
    id_hash       bytea       not null,
    id_sealed     bytea       not null,
    id_masked     text        not null,
    phone_sealed  bytea       not null,
    phone_masked  text        not null,
    -- where they stay (the village whose ledger has them)
    village_code  varchar(15) not null references jurisdiction (code),
    origin        text        not null default '',
    origin_code   text,
    from_outside  boolean     not null,
    returned_on   date,
    may_work_from date,
    left_on       date,
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    unique (enterprise_id, id_hash)
);

-- 员工每日健康监测: one check per person and day (a second replaces the first)
create table enterprise_health_check (
    staff_id    bigint        not null references enterprise_staff (id) on delete cascade,
    day         date          not null,
    temperature numeric(3, 1) not null check (temperature between 34 and 43),
    symptoms    text[]        not null default '{}',
    recorded_by text          not null,
    recorded_at timestamptz   not null default now(),
    primary key (staff_id, day)
);
