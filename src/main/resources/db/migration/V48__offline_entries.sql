-- Entries made on a phone without signal and sent later (issue 19). One row per client-made
-- idempotency key: the first result is kept, so a retry of the same entry answers it again and
-- writes nothing. No full identity: the entry's own rows live in their ledgers; this holds the kind,
-- the times and the result (ids, a message key and its arguments: a masked name, a temperature, a
-- checkpoint name or a household address at most). Kept 30 days (OfflineRetention).
create table offline_entry (
    entry_key    uuid        primary key,
    staff_user   bigint      not null references staff_user (id),
    kind         text        not null,
    entered_at   timestamptz not null,
    received_at  timestamptz not null default now(),
    outcome      text        not null check (outcome in ('STORED', 'CONFLICT', 'REJECTED')),
    result       jsonb       not null
);
create index offline_entry_received on offline_entry (received_at);
