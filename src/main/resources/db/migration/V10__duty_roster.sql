-- 卡口值班台账: shifts at a checkpoint, each with its staff and one responsible person. Times are
-- minutes of the Asia/Shanghai day (0..1440), so a shift never crosses midnight: 20:00-08:00 is
-- entered as two shifts.
create table duty_shift (
    id            bigserial primary key,
    checkpoint_id bigint      not null references checkpoint (id),
    day           date        not null,
    start_minute  int         not null check (start_minute between 0 and 1439),
    end_minute    int         not null check (end_minute between 1 and 1440),
    staff         text[]      not null,
    responsible   text        not null check (responsible <> ''),
    created_at    timestamptz not null default now(),
    created_by    text,
    check (end_minute > start_minute)
);
create index duty_shift_checkpoint_day on duty_shift (checkpoint_id, day, start_minute);
