-- A pickup point's counter staff (PICKUP_POINT accounts) see and serve only their own point.
create table pickup_point_staff (
    username    text        primary key,
    point_id    bigint      not null references pickup_point (id),
    assigned_by text        not null,
    assigned_at timestamptz not null default now()
);
create index pickup_point_staff_point on pickup_point_staff (point_id);

-- 发热咳嗽药品购买登记: every buyer of fever or cough medicine at a pharmacy, sealed like every
-- identity; each sale is a follow-up task (随访) for the buyer's village (the pharmacy's when unknown).
create table medicine_sale (
    id              bigserial primary key,
    point_id        bigint      not null references pickup_point (id),
    village_code    varchar(15) not null references jurisdiction (code),
    name_sealed     bytea       not null,
    name_masked     text        not null,
    id_hash         bytea,
    id_sealed       bytea,
    id_masked       text,
    phone_sealed    bytea       not null,
    phone_masked    text        not null,
    medicine        text        not null check (medicine <> ''),
    -- what the pharmacist asked: FEVER, COUGH, SORE_THROAT, FATIGUE, SHORT_BREATH
    symptoms        text[]      not null default '{}',
    temperature     numeric(3, 1) check (temperature between 30 and 45),
    sold_at         timestamptz not null default now(),
    sold_by         text        not null,
    followed_up_at  timestamptz,
    followed_up_by  text,
    outcome         text check (outcome in ('WELL', 'SEEN_DOCTOR', 'SENT_TO_FEVER_CLINIC', 'UNREACHABLE')),
    outcome_note    text
);
create index medicine_sale_village on medicine_sale (village_code, sold_at desc);
create index medicine_sale_open on medicine_sale (village_code) where followed_up_at is null;
create index medicine_sale_point on medicine_sale (point_id, sold_at desc);

-- 济南's rule: a city may suspend the sale of fever and cough medicine; its pharmacies then say so.
create table medicine_sales_suspension (
    city_code      varchar(15) primary key references jurisdiction (code),
    suspended_from timestamptz not null default now(),
    suspended_by   text        not null,
    note           text        not null default ''
);
