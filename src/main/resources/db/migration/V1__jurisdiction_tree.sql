-- The jurisdiction tree (行政区划): province → city → county → township → village → grid.
-- path is the materialised path of codes (ltree), so subtree queries are `path <@ :scope`.
create extension if not exists ltree;
create extension if not exists pg_trgm;

create table jurisdiction (
    code        varchar(15) primary key,
    name        text        not null,
    level       text        not null check (level in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'GRID')),
    parent_code varchar(15) references jurisdiction (code),
    path        ltree       not null unique,
    -- county-level functional zones (开发区, 新区) that the statistics bureau codes at county level
    dev_zone    boolean     not null default false,
    created_at  timestamptz not null default now(),
    created_by  text,
    check ((level = 'PROVINCE') = (parent_code is null))
);

create index jurisdiction_path_gist on jurisdiction using gist (path);
create index jurisdiction_parent on jurisdiction (parent_code);
create index jurisdiction_name_trgm on jurisdiction using gin (name gin_trgm_ops);
