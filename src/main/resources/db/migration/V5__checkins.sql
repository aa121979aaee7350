-- Check-ins (扫码登记), one table partitioned by Asia/Shanghai day so that retention drops whole
-- partitions. A visit's end is always set: provisionally the first of the venue's default stay and
-- midnight, moved earlier by a check-out or by the visitor's next check-in elsewhere.
-- No foreign key to venue: ingest stays cheap and partitions stay independent; the venue is
-- checked by its code when the check-in arrives.
create sequence checkin_id_seq;

create table checkin (
    id              bigint      not null default nextval('checkin_id_seq'),
    day             date        not null,
    venue_id        bigint      not null,
    phone_hash      bytea       not null,
    phone_sealed    bytea       not null,
    phone_masked    text        not null,
    checked_in_at   timestamptz not null,
    checked_out_at  timestamptz not null,
    checkout_reason text        not null check (checkout_reason in ('STAY', 'MIDNIGHT', 'NEXT', 'MANUAL', 'RECORDED')),
    source          text        not null default 'SCAN' check (source in ('SCAN', 'IMPORT', 'DEMO')),
    primary key (day, id),
    check (checked_out_at >= checked_in_at)
) partition by range (day);

create index checkin_venue_time on checkin (venue_id, checked_in_at);
create index checkin_phone_time on checkin (phone_hash, checked_in_at);

-- Creates the partition of one day if it is missing; returns its name.
create function checkin_ensure_partition(d date) returns text language plpgsql as $$
declare
    name text := 'checkin_' || to_char(d, 'YYYYMMDD');
begin
    if to_regclass(name) is null then
        execute format('create table if not exists %I partition of checkin for values from (%L) to (%L)', name, d, d + 1);
    end if;
    return name;
end $$;
