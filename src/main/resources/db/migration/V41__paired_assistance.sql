-- 对口支援 (issue 16): medical teams sent by batch to a destination hospital, their members (sealed:
-- the roster is exported only with a reason), and projects (ICU beds, equipment, vehicles) with status.
create table medical_team (
    id                bigserial primary key,
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    batch             int         not null check (batch > 0),
    name              text        not null,
    destination       text        not null,
    departed_on       date        not null,
    returned_on       date,
    note              text        not null default '',
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    unique (jurisdiction_code, batch),
    check (returned_on is null or returned_on >= departed_on)
);

create table team_member (
    id            bigserial primary key,
    team_id       bigint      not null references medical_team (id),
    -- cleared a year after the team came back (the masked name, hospital and speciality stay)
    name_sealed   bytea,
    name_masked   text        not null,
    phone_sealed  bytea,
    phone_masked  text        not null default '',
    home_hospital text        not null,
    speciality    text        not null check (speciality in ('RESPIRATORY', 'CRITICAL_CARE', 'INFECTIOUS', 'NURSING',
                                                              'INFECTION_CONTROL', 'LABORATORY', 'PSYCHOLOGY', 'OTHER')),
    role          text        not null check (role in ('LEADER', 'DOCTOR', 'NURSE', 'TECHNICIAN', 'OTHER')),
    created_by    text        not null,
    created_at    timestamptz not null default now()
);
create index team_member_team on team_member (team_id);

create table assistance_project (
    id                bigserial primary key,
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    kind              text        not null check (kind in ('ICU_BEDS', 'EQUIPMENT', 'VEHICLE', 'OTHER')),
    title             text        not null,
    destination       text        not null,
    quantity          int         not null check (quantity > 0),
    unit              text        not null,
    status            text        not null default 'PLANNED'
        check (status in ('PLANNED', 'SHIPPED', 'INSTALLED', 'IN_USE', 'CLOSED')),
    status_on         date        not null,
    note              text        not null default '',
    created_by        text        not null,
    created_at        timestamptz not null default now()
);
