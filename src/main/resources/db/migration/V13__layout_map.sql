-- 一图: the plan of a village, community or compound (村庄布局图) with its households placed on it.
-- Positions are fractions of the image's width and height, so pins stay put at any screen size.
create table layout_map (
    id                bigserial primary key,
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    name              text        not null,
    image             bytea       not null,
    content_type      text        not null check (content_type in ('image/png', 'image/jpeg')),
    width             int         not null check (width > 0),
    height            int         not null check (height > 0),
    uploaded_by       text        not null,
    uploaded_at       timestamptz not null default now()
);
create index layout_map_jurisdiction on layout_map (jurisdiction_code);

create table layout_pin (
    map_id       bigint        not null references layout_map (id) on delete cascade,
    household_id bigint        not null references household (id),
    x            numeric(5, 4) not null check (x between 0 and 1),
    y            numeric(5, 4) not null check (y between 0 and 1),
    primary key (map_id, household_id)
);
