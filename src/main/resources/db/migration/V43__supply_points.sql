-- 生活保障点 (issue 17): supermarkets, markets and mobile vegetable stalls under a village or community,
-- with what they sell and how each category stands (充足 / 紧张 / 缺货), set in one tap by the village's staff.
create table supply_point (
    id                bigserial primary key,
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    name              text        not null,
    kind              text        not null check (kind in ('SUPERMARKET', 'MARKET', 'MOBILE_STALL', 'STORE', 'OTHER')),
    address           text        not null default '',
    hours             text        not null default '',
    categories        text[]      not null,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    closed_at         timestamptz
);
create index supply_point_place on supply_point (jurisdiction_code);

create table supply_point_status (
    point_id   bigint      not null references supply_point (id),
    category   text        not null,
    status     text        not null check (status in ('AMPLE', 'TIGHT', 'OUT')),
    updated_by text        not null,
    updated_at timestamptz not null default now(),
    primary key (point_id, category)
);
