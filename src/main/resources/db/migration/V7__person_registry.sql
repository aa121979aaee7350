-- The person registry (人员库): one row per person, found by the keyed hash of the ID number, else
-- of the phone. Names, ID numbers and phones are sealed (AES-GCM) with a masked copy for screens.
create table person (
    id           bigserial primary key,
    id_hash      bytea unique,
    id_sealed    bytea,
    id_masked    text,
    doc_type     text        not null default 'ID_CARD' check (doc_type in ('ID_CARD', 'PASSPORT', 'HK_MACAU', 'TAIWAN', 'OTHER')),
    phone_hash   bytea,
    phone_sealed bytea,
    phone_masked text,
    name_sealed  bytea       not null,
    name_masked  text        not null,
    -- exact-name search within a scope (names are sealed, so no LIKE)
    name_hash    bytea       not null,
    sex          char(1) check (sex in ('M', 'F')),
    birth_date   date,
    -- a merged record points at the one that was kept; lookups follow it
    merged_into  bigint references person (id),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    check (merged_into is not null or id_hash is not null or phone_hash is not null)
);
create index person_phone on person (phone_hash) where merged_into is null;
create index person_name on person (name_hash);
