-- 捐赠 (issue 16): money and goods received by a node (its charity or command), goods entering a
-- holder's stock; allocations to destinations (goods leave by a dispatch), so the public report can
-- say what came in, where it went and what is left.
create table donation (
    id                bigserial primary key,
    jurisdiction_code varchar(15)    not null references jurisdiction (code),
    received_on       date           not null,
    donor             text           not null,
    -- a person who asked not to be named is published as 爱心人士
    anonymous         boolean        not null default false,
    kind              text           not null check (kind in ('MONEY', 'GOODS')),
    amount            numeric(14, 2) check (amount > 0),
    holder_id         bigint references stock_holder (id),
    item_id           int references supply_item (id),
    quantity          bigint check (quantity > 0),
    note              text           not null default '',
    recorded_by       text           not null,
    recorded_at       timestamptz    not null default now(),
    check ((kind = 'MONEY') = (amount is not null)),
    check ((kind = 'GOODS') = (holder_id is not null and item_id is not null and quantity is not null))
);
create index donation_node on donation (jurisdiction_code, received_on);

create table donation_allocation (
    id           bigserial primary key,
    donation_id  bigint         not null references donation (id),
    to_holder_id bigint         not null references stock_holder (id),
    amount       numeric(14, 2) check (amount > 0),
    quantity     bigint check (quantity > 0),
    dispatch_id  bigint references dispatch (id),
    purpose      text           not null default '',
    allocated_on date           not null,
    allocated_by text           not null,
    allocated_at timestamptz    not null default now(),
    check ((amount is null) <> (quantity is null))
);
create index donation_allocation_donation on donation_allocation (donation_id);
