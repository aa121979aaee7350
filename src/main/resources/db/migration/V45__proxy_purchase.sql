-- 代购 (issue 17): a village's cadre gathers what each household needs into a batch, sends the batch to
-- a supply point as one order, the point delivers it to the village, and the cadres hand each
-- household its goods with a sign-off; what each household paid or owes is recorded (no payment system).
create table proxy_batch (
    id           bigserial primary key,
    village_code varchar(15) not null references jurisdiction (code),
    point_id     bigint      not null references supply_point (id),
    status       text        not null default 'OPEN' check (status in ('OPEN', 'SENT', 'DELIVERED')),
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    sent_by      text,
    sent_at      timestamptz,
    delivered_by text,
    delivered_at timestamptz
);
create index proxy_batch_village on proxy_batch (village_code, created_at desc);

create table proxy_order (
    id           bigserial primary key,
    batch_id     bigint         not null references proxy_batch (id),
    household_id bigint         not null references household (id),
    address      text           not null,
    -- someone at home under observation or ill when ordered: to the door, no contact
    doorstep     boolean        not null,
    note         text           not null default '',
    amount       numeric(10, 2) not null default 0 check (amount >= 0),
    paid         numeric(10, 2) not null default 0 check (paid >= 0),
    handed_by    text,
    handed_at    timestamptz,
    received     boolean,
    hand_note    text           not null default '',
    created_by   text           not null,
    created_at   timestamptz    not null default now(),
    unique (batch_id, household_id)
);
create index proxy_order_household on proxy_order (household_id, created_at desc);

create table proxy_order_line (
    order_id bigint not null references proxy_order (id) on delete cascade,
    item     text   not null,
    quantity int    not null check (quantity > 0),
    unit     text   not null,
    primary key (order_id, item, unit)
);
