-- Venues (场所) with an unguessable public code for their QR check-in.
create table venue (
    id                   bigserial primary key,
    code                 text        not null unique,
    name                 text        not null,
    type                 text        not null,
    jurisdiction_code    varchar(15) not null references jurisdiction (code),
    address              text        not null default '',
    default_stay_minutes int         not null check (default_stay_minutes between 1 and 1440),
    closed_at            timestamptz,
    demo                 boolean     not null default false,
    created_at           timestamptz not null default now(),
    created_by           text,
    updated_at           timestamptz not null default now()
);
create index venue_jurisdiction on venue (jurisdiction_code);
create index venue_name_trgm on venue using gin (name gin_trgm_ops);
