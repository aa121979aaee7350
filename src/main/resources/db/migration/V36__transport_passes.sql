-- 重点物资运输通行证: issued to an enterprise's vehicle, printed with a QR code, checked at the gates.
create table transport_pass (
    id                  bigserial primary key,
    number              text        not null unique,
    enterprise_id       bigint      not null references enterprise (id),
    plate               text        not null check (plate <> ''),
    driver_name_sealed  bytea       not null,
    driver_name_masked  text        not null,
    driver_phone_sealed bytea       not null,
    driver_phone_masked text        not null,
    goods               text        not null check (goods <> ''),
    route               text        not null check (route <> ''),
    valid_from          date        not null,
    valid_to            date        not null check (valid_to >= valid_from),
    issued_by           text        not null,
    issued_at           timestamptz not null default now(),
    revoked_at          timestamptz,
    revoked_by          text,
    revoke_reason       text
);
create index transport_pass_enterprise on transport_pass (enterprise_id, issued_at desc);

-- every check of a pass at a gate, in the checkpoint's log (the driver is not recorded here)
create table pass_check (
    id            bigserial primary key,
    checkpoint_id bigint      not null references checkpoint (id),
    pass_number   text        not null,
    plate         text,
    result        text        not null check (result in ('VALID', 'NOT_YET_VALID', 'EXPIRED', 'REVOKED', 'UNKNOWN')),
    at            timestamptz not null default now(),
    checked_by    text        not null
);
create index pass_check_checkpoint on pass_check (checkpoint_id, at desc);
