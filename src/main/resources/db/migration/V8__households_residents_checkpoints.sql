-- 一图四台账, first part: households and residents (人员构成台账), checkpoints (卡口) and their
-- passage log (卡口登记台账) with the township's fever alerts. Scope comes from the jurisdiction
-- (village, community or grid) that a household or checkpoint belongs to.
create table household (
    id                bigserial primary key,
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    building          text        not null default '',
    address           text        not null,
    created_at        timestamptz not null default now(),
    created_by        text
);
create index household_jurisdiction on household (jurisdiction_code);

create table resident (
    id                 bigserial primary key,
    household_id       bigint      not null references household (id),
    person_id          bigint      not null references person (id),
    relation           text        not null check (relation in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'SIBLING', 'OTHER_RELATIVE', 'TENANT', 'OTHER')),
    residence          text        not null check (residence in ('REGISTERED', 'LIVING', 'TENANT')),
    health             text        not null default 'HEALTHY' check (health in ('HEALTHY', 'FEVER', 'UNDER_OBSERVATION', 'SICK', 'OTHER')),
    from_key_area      boolean     not null default false,
    left_key_area_on   date,
    moved_out_on       date,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create index resident_household on resident (household_id);
create index resident_person on resident (person_id);
-- one live membership per person and household
create unique index resident_live on resident (household_id, person_id) where moved_out_on is null;

create table checkpoint (
    id                bigserial primary key,
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    name              text        not null,
    kind              text        not null check (kind in ('ROAD', 'GATE', 'TOLL_STATION', 'OTHER')),
    location          text        not null default '',
    closed_at         timestamptz,
    created_at        timestamptz not null default now(),
    created_by        text
);
create index checkpoint_jurisdiction on checkpoint (jurisdiction_code);

create table passage (
    id            bigserial primary key,
    checkpoint_id bigint       not null references checkpoint (id),
    at            timestamptz  not null,
    direction     text         not null check (direction in ('IN', 'OUT')),
    person_id     bigint       not null references person (id),
    resident      boolean      not null,
    origin        text         not null default '',
    host          text         not null default '',
    purpose       text         not null default '',
    plate         text         not null default '',
    temperature   numeric(3,1) not null check (temperature between 30.0 and 45.0),
    refused       boolean      not null,
    recorded_by   text         not null
);
create index passage_checkpoint_at on passage (checkpoint_id, at);
create index passage_person on passage (person_id, at);

-- A fever at a checkpoint (≥ 37.3 ℃ on entry) for the township to follow up.
create table checkpoint_alert (
    id          bigserial primary key,
    passage_id  bigint      not null unique references passage (id),
    raised_at   timestamptz not null,
    handled_at  timestamptz,
    handled_by  text,
    note        text
);
create index checkpoint_alert_open on checkpoint_alert (raised_at) where handled_at is null;
