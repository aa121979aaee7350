-- Mask reservation and pickup (口罩预约领用, docs/rules.md "Mask reservation").
-- Pickup points (领取点: pharmacies and other points) under a village or community; rounds (批次)
-- opened by a county or city with a stock per point; reservations (预约) by ID number, sealed.

create table pickup_point (
    id                bigserial primary key,
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    name              text        not null check (name <> ''),
    kind              text        not null default 'PHARMACY' check (kind in ('PHARMACY', 'CLINIC', 'COMMUNITY', 'OTHER')),
    address           text        not null default '',
    hours             text        not null default '',
    demo              boolean     not null default false,
    created_by        text,
    created_at        timestamptz not null default now()
);
create index pickup_point_jurisdiction on pickup_point (jurisdiction_code);

create table mask_round (
    id               bigserial primary key,
    scope_code       varchar(15) not null references jurisdiction (code),
    name             text        not null check (name <> ''),
    mode             text        not null check (mode in ('FIRST_COME', 'LOTTERY')),
    -- masks one reservation takes, and how long an ID number waits after a reservation of any round
    quota            int         not null check (quota between 1 and 100),
    period_days      int         not null check (period_days between 1 and 90),
    opens_at         timestamptz not null,
    closes_at        timestamptz not null check (closes_at > opens_at),
    pickup_from      date        not null,
    pickup_to        date        not null check (pickup_to >= pickup_from),
    -- published from the round's opening: with the round id it fixes a lottery's seed
    draw_salt        text        not null,
    demo             boolean     not null default false,
    created_by       text        not null,
    created_at       timestamptz not null default now()
);
create index mask_round_scope on mask_round (scope_code, opens_at desc);

-- a round's stock at one point, in masks: "booked" never exceeds "quantity" (a check, and the
-- reserving update only adds where it fits, under the row's lock)
create table mask_round_point (
    round_id  bigint not null references mask_round (id),
    point_id  bigint not null references pickup_point (id),
    quantity  int    not null check (quantity >= 0),
    booked    int    not null default 0,
    collected int    not null default 0,
    primary key (round_id, point_id),
    check (booked between 0 and quantity),
    check (collected between 0 and booked)
);
create index mask_round_point_point on mask_round_point (point_id);

create table reservation (
    id           bigserial primary key,
    round_id     bigint      not null references mask_round (id),
    point_id     bigint      not null references pickup_point (id),
    id_hash      bytea       not null,
    id_sealed    bytea       not null,
    id_masked    text        not null,
    name_sealed  bytea       not null,
    name_masked  text        not null,
    phone_sealed bytea       not null,
    phone_masked text        not null,
    masks        int         not null check (masks > 0),
    -- 6 digits, unique among the point's open reservations of the round
    pickup_code  char(6)     not null,
    status       text        not null default 'BOOKED' check (status in ('BOOKED', 'COLLECTED', 'RELEASED')),
    booked_at    timestamptz not null default now(),
    collected_at timestamptz,
    collected_by text
);
-- one open reservation per ID number, whatever the round or point
create unique index reservation_one_open on reservation (id_hash) where status = 'BOOKED';
create index reservation_id_hash on reservation (id_hash, booked_at desc);
create unique index reservation_code on reservation (round_id, point_id, pickup_code) where status = 'BOOKED';
create index reservation_round_point on reservation (round_id, point_id, status);
