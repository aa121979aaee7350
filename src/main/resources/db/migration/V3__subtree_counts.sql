-- How many descendants of each level every node has, kept by a trigger, so that the tree page,
-- home pages and dashboards read subtree sizes in O(children) instead of scanning the subtree.
alter table jurisdiction
    add column sub_cities    int not null default 0,
    add column sub_counties  int not null default 0,
    add column sub_townships int not null default 0,
    add column sub_villages  int not null default 0,
    add column sub_grids     int not null default 0;

create function jurisdiction_count_descendant() returns trigger language plpgsql as $$
declare
    delta int;
    lvl   text;
    p     ltree;
begin
    -- the bulk import recounts once at the end instead of row by row
    if current_setting('fangkong.bulk_import', true) = 'on' then
        return null;
    end if;
    if tg_op = 'INSERT' then
        delta := 1; lvl := new.level; p := new.path;
    else
        delta := -1; lvl := old.level; p := old.path;
    end if;
    update jurisdiction a set
        sub_cities    = sub_cities    + case when lvl = 'CITY'     then delta else 0 end,
        sub_counties  = sub_counties  + case when lvl = 'COUNTY'   then delta else 0 end,
        sub_townships = sub_townships + case when lvl = 'TOWNSHIP' then delta else 0 end,
        sub_villages  = sub_villages  + case when lvl = 'VILLAGE'  then delta else 0 end,
        sub_grids     = sub_grids     + case when lvl = 'GRID'     then delta else 0 end
    where a.path @> p and a.path <> p;
    return null;
end $$;

create trigger jurisdiction_subtree_counts after insert or delete on jurisdiction
    for each row execute function jurisdiction_count_descendant();

-- Recounts every node from the paths: after a bulk import, or to repair drift.
create function jurisdiction_recount() returns void language sql as $$
    update jurisdiction set sub_cities = 0, sub_counties = 0, sub_townships = 0, sub_villages = 0, sub_grids = 0
    where sub_cities + sub_counties + sub_townships + sub_villages + sub_grids <> 0;
    with pairs as (
        select subpath(d.path, 0, k) as ancestor, d.level
        from jurisdiction d cross join lateral generate_series(1, nlevel(d.path) - 1) as k
    ), counts as (
        select ancestor,
               count(*) filter (where level = 'CITY')     as cities,
               count(*) filter (where level = 'COUNTY')   as counties,
               count(*) filter (where level = 'TOWNSHIP') as townships,
               count(*) filter (where level = 'VILLAGE')  as villages,
               count(*) filter (where level = 'GRID')     as grids
        from pairs group by ancestor
    )
    update jurisdiction j set sub_cities = c.cities, sub_counties = c.counties, sub_townships = c.townships,
                              sub_villages = c.villages, sub_grids = c.grids
    from counts c where j.path = c.ancestor;
$$;

select jurisdiction_recount();
