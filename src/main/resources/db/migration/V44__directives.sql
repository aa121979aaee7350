-- 指令下达 (issue 17): a directive issued by a node to units of its subtree (all units of chosen levels,
-- or chosen nodes), each recipient unit signing for it (签收) and reporting completion (反馈); a unit may
-- forward it down with its own additions (a directive whose parent is the one received).
create table directive (
    id                bigserial primary key,
    issuer_code       varchar(15) not null references jurisdiction (code),
    parent_id         bigint references directive (id),
    title             text        not null,
    body              text        not null,
    deadline          timestamptz not null,
    feedback_required boolean     not null,
    -- how many units it went to (set when delivered)
    recipients        int         not null default 0,
    -- the code lengths of its units (the levels it reached), for the progress view to pick its rows
    unit_levels       int[]       not null default '{}',
    issued_by         text        not null,
    issued_at         timestamptz not null default now()
);
create index directive_issuer on directive (issuer_code, issued_at desc);
create index directive_parent on directive (parent_id);

-- one PDF per directive, size-limited (5 MB) when uploaded
create table directive_attachment (
    directive_id bigint primary key references directive (id),
    filename     text   not null,
    content      bytea  not null,
    size         int    not null
);

-- a directive's units: the primary key is also the range read of a subtree's units (codes begin with their ancestors')
create table directive_recipient (
    directive_id bigint      not null references directive (id),
    unit_code    varchar(15) not null references jurisdiction (code),
    signed_at    timestamptz,
    signed_by    text,
    done_at      timestamptz,
    done_by      text,
    feedback     text,
    reminded_at  timestamptz,
    primary key (directive_id, unit_code)
);
create index directive_recipient_unit on directive_recipient (unit_code, directive_id) where done_at is null;
