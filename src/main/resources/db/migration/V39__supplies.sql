-- 物资调拨 (issue 16): a catalogue of items, stock holders on the tree (warehouses, designated
-- hospitals, producers and external destinations), stock as a ledger of movements with a balance per
-- holder and item that is never negative, requests up the tree, dispatch orders with proof of delivery.

create table supply_item (
    id         serial primary key,
    code       text    not null unique check (code ~ '^[A-Z0-9_]{2,40}$'),
    name       text    not null,
    name_en    text    not null,
    category   text    not null check (category in ('PROTECTION', 'DISINFECTION', 'DIAGNOSTICS', 'EQUIPMENT', 'VEHICLE', 'OTHER')),
    unit       text    not null,
    active     boolean not null default true,
    sort_order int     not null default 100
);

insert into supply_item (code, name, name_en, category, unit, sort_order) values
    ('SURGICAL_MASK', '医用外科口罩', 'Surgical masks', 'PROTECTION', '只', 10),
    ('N95', 'N95 医用防护口罩', 'N95 respirators', 'PROTECTION', '只', 20),
    ('PROTECTIVE_SUIT', '医用防护服', 'Protective suits', 'PROTECTION', '套', 30),
    ('GOGGLES', '护目镜', 'Goggles', 'PROTECTION', '副', 40),
    ('FACE_SHIELD', '防护面屏', 'Face shields', 'PROTECTION', '个', 45),
    ('GLOVES', '医用手套', 'Medical gloves', 'PROTECTION', '副', 50),
    ('THERMOMETER', '红外体温计', 'Infrared thermometers', 'DIAGNOSTICS', '支', 60),
    ('DISINFECTANT', '消毒液', 'Disinfectant', 'DISINFECTION', '千克', 70),
    ('VENTILATOR', '呼吸机', 'Ventilators', 'EQUIPMENT', '台', 80),
    ('NP_AMBULANCE', '负压救护车', 'Negative-pressure ambulances', 'VEHICLE', '辆', 90);

-- A holder belongs to a node of the tree (its scope: who may read and move its stock). External
-- destinations (Hubei's counties and hospitals supported by Shandong) belong to the province.
create table stock_holder (
    id                bigserial primary key,
    name              text        not null,
    kind              text        not null check (kind in ('WAREHOUSE', 'HOSPITAL', 'PRODUCER', 'EXTERNAL')),
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    place             text        not null default '',
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    unique (jurisdiction_code, name)
);

-- The balance kept with every movement in the same transaction; the check is the last guard against
-- a negative stock (a dispatch takes stock with a conditional update, so concurrent ones queue on the row).
create table stock_balance (
    holder_id  bigint      not null references stock_holder (id),
    item_id    int         not null references supply_item (id),
    on_hand    bigint      not null default 0 check (on_hand >= 0),
    -- how many movements the stock card has (its pager's total without counting them)
    movements  bigint      not null default 0,
    updated_at timestamptz not null default now(),
    primary key (holder_id, item_id)
);
create index stock_balance_item on stock_balance (item_id);

create table supply_request (
    id           bigserial primary key,
    holder_id    bigint      not null references stock_holder (id),
    -- the level above the requesting holder's node decides (its code)
    approver     varchar(15) not null references jurisdiction (code),
    urgency      text        not null check (urgency in ('ROUTINE', 'URGENT', 'CRITICAL')),
    needed_by    timestamptz not null,
    note         text        not null default '',
    status       text        not null default 'SUBMITTED'
        check (status in ('SUBMITTED', 'APPROVED', 'REJECTED', 'PARTLY_FULFILLED', 'FULFILLED')),
    requested_by text        not null,
    requested_at timestamptz not null default now(),
    decided_by   text,
    decided_at   timestamptz,
    decision     text
);
create index supply_request_approver on supply_request (approver, status);
create index supply_request_holder on supply_request (holder_id, requested_at desc);

create table supply_request_line (
    request_id bigint not null references supply_request (id),
    item_id    int    not null references supply_item (id),
    quantity   bigint not null check (quantity > 0),
    approved   bigint check (approved >= 0),
    dispatched bigint not null default 0 check (dispatched >= 0),
    primary key (request_id, item_id)
);

-- 调拨单: from one holder to another; the receiver confirms what arrived (proof of delivery)
create table dispatch (
    id             bigserial primary key,
    number         text        not null unique,
    from_holder_id bigint      not null references stock_holder (id),
    to_holder_id   bigint      not null references stock_holder (id),
    status         text        not null default 'IN_TRANSIT' check (status in ('IN_TRANSIT', 'DELIVERED')),
    vehicle        text        not null default '',
    driver_sealed  bytea,
    driver_masked  text        not null default '',
    phone_sealed   bytea,
    phone_masked   text        not null default '',
    note           text        not null default '',
    dispatched_by  text        not null,
    dispatched_at  timestamptz not null default now(),
    received_by    text,
    received_at    timestamptz,
    receipt_note   text        not null default '',
    check (from_holder_id <> to_holder_id)
);
create index dispatch_from on dispatch (from_holder_id, dispatched_at desc);
create index dispatch_to on dispatch (to_holder_id, dispatched_at desc);

create table dispatch_line (
    dispatch_id bigint not null references dispatch (id),
    item_id     int    not null references supply_item (id),
    request_id  bigint references supply_request (id),
    sent        bigint not null check (sent > 0),
    received    bigint check (received >= 0),
    primary key (dispatch_id, item_id)
);

-- 库存台账: every movement of a holder's item with the balance after it (the stock card)
create table stock_movement (
    id             bigserial primary key,
    holder_id      bigint      not null references stock_holder (id),
    item_id        int         not null references supply_item (id),
    kind           text        not null check (kind in ('RECEIPT', 'PRODUCTION', 'DISPATCH', 'TRANSFER_IN', 'CONSUMPTION', 'ADJUSTMENT')),
    quantity       bigint      not null check (quantity <> 0),
    balance_after  bigint      not null check (balance_after >= 0),
    dispatch_id    bigint references dispatch (id),
    counterpart_id bigint references stock_holder (id),
    reason         text        not null default '',
    recorded_by    text        not null,
    recorded_at    timestamptz not null default now()
);
create index stock_movement_card on stock_movement (holder_id, item_id, id);

-- what left a holder each day (consumed or dispatched), kept with every such movement: days of cover
-- (stock ÷ average daily use of the last 7 days) for any node without reading the movements
create table stock_use_day (
    holder_id bigint not null references stock_holder (id),
    item_id   int    not null references supply_item (id),
    day       date   not null,
    used      bigint not null default 0,
    primary key (holder_id, item_id, day)
);

-- 重点生产企业: ENTERPRISE accounts bound to a producer (one producer per account), its daily output
-- per item (which enters its stock as production) and its capacity per day
create table producer_account (
    username   text primary key,
    holder_id  bigint      not null references stock_holder (id),
    bound_by   text        not null,
    bound_at   timestamptz not null default now()
);
create table producer_output (
    holder_id   bigint      not null references stock_holder (id),
    item_id     int         not null references supply_item (id),
    day         date        not null,
    quantity    bigint      not null check (quantity >= 0),
    capacity    bigint      not null check (capacity >= 0),
    reported_by text        not null,
    reported_at timestamptz not null default now(),
    primary key (holder_id, item_id, day)
);
