-- Staff users, API tokens and the audit log.
create table staff_user (
    id            bigserial primary key,
    username      text        not null,
    display_name  text        not null,
    password_hash text        not null,
    role          text        not null check (role in ('ADMIN', 'COMMANDER', 'OFFICER', 'GRID_WORKER', 'VENUE_STAFF', 'ENTERPRISE', 'PICKUP_POINT')),
    scope_code    varchar(15) not null references jurisdiction (code),
    enabled       boolean     not null default true,
    failed_logins int         not null default 0,
    locked_until  timestamptz,
    created_at    timestamptz not null default now(),
    created_by    text,
    updated_at    timestamptz not null default now()
);
create unique index staff_user_username on staff_user (lower(username));
create index staff_user_scope on staff_user (scope_code);

-- Only a SHA-256 of each bearer token is kept: a leaked table does not leak usable tokens.
create table api_token (
    token_hash bytea primary key,
    user_id    bigint      not null references staff_user (id),
    issued_at  timestamptz not null default now(),
    expires_at timestamptz not null
);
create index api_token_user on api_token (user_id);

create table audit_entry (
    id             bigserial primary key,
    at             timestamptz not null default now(),
    actor_id       bigint,
    actor_username text,
    -- scope of the actor at the time, so each admin sees the audit of their own subtree
    actor_scope    ltree,
    action         text        not null,
    target         text,
    reason         text,
    address        text
);
create index audit_entry_at on audit_entry (at desc);
create index audit_entry_action on audit_entry (action, at desc);
create index audit_entry_actor on audit_entry (lower(actor_username), at desc);
create index audit_entry_scope on audit_entry using gist (actor_scope);
