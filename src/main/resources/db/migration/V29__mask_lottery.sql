-- Lottery rounds (摇号): entries during the booking window, drawn at its end with a seed fixed by
-- values published before (the round's id and draw_salt), winners become reservations.
alter table mask_round add column drawn_at timestamptz;

create table lottery_entry (
    id           bigserial primary key,
    round_id     bigint      not null references mask_round (id),
    -- 1, 2, 3… within the round: the published list is in this order
    number       int         not null,
    point_id     bigint      not null references pickup_point (id),
    id_hash      bytea       not null,
    id_sealed    bytea       not null,
    id_masked    text        not null,
    name_sealed  bytea       not null,
    name_masked  text        not null,
    phone_sealed bytea       not null,
    phone_masked text        not null,
    -- the entrant's own link to the result: only its hash is kept
    link_hash    bytea       not null unique,
    entered_at   timestamptz not null default now(),
    result       text check (result in ('WON', 'LOST', 'INELIGIBLE')),
    reservation_id bigint references reservation (id),
    unique (round_id, number),
    unique (round_id, id_hash)
);
create index lottery_entry_round_point on lottery_entry (round_id, point_id, number);
