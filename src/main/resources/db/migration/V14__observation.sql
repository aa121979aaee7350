-- 居家隔离医学观察: 14 days of home observation per order, two readings a day (morning, evening),
-- a fever or a listed symptom escalates the order and raises an alert to the township health
-- centre until an officer records the outcome. Days are Asia/Shanghai days counted from the
-- anchor (last exposure, or the day the person left the key area).
create table observation_order (
    id                bigserial primary key,
    person_id         bigint      not null references person (id),
    reason            text        not null check (reason in ('CLOSE_CONTACT', 'KEY_AREA_ARRIVAL', 'OFFICER')),
    reason_detail     text        not null default '',
    anchor_date       date        not null,
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    household_id      bigint references household (id),
    address           text        not null default '',
    grid_worker       text        not null default '',
    village_doctor    text        not null default '',
    status            text        not null default 'ACTIVE' check (status in ('ACTIVE', 'ESCALATED', 'RELEASED', 'TRANSFERRED')),
    source            text        not null default '',
    -- the personal link (an unguessable token) is kept only as its hash
    link_hash         bytea       not null unique,
    opened_by         text        not null,
    opened_at         timestamptz not null default now(),
    closed_at         timestamptz,
    closed_by         text
);
-- one open order per person
create unique index observation_order_open on observation_order (person_id) where status in ('ACTIVE', 'ESCALATED');
create index observation_order_place on observation_order (jurisdiction_code, status);

create table observation_reading (
    id          bigserial primary key,
    order_id    bigint       not null references observation_order (id),
    day         date         not null,
    half        text         not null check (half in ('MORNING', 'EVENING')),
    temperature numeric(3,1) not null check (temperature between 30.0 and 45.0),
    symptoms    text[]       not null default '{}',
    via         text         not null check (via in ('STAFF', 'LINK')),
    recorded_by text         not null,
    recorded_at timestamptz  not null default now(),
    unique (order_id, day, half)
);

create table observation_alert (
    id          bigserial primary key,
    order_id    bigint      not null references observation_order (id),
    reading_id  bigint      not null unique references observation_reading (id),
    raised_at   timestamptz not null,
    outcome     text check (outcome in ('FEVER_CLINIC', 'DESIGNATED_HOSPITAL', 'RULED_OUT')),
    note        text,
    handled_at  timestamptz,
    handled_by  text
);
create index observation_alert_open on observation_alert (raised_at) where handled_at is null;
