-- Two writers at once must not make two households at one address, nor two people of one phone.

-- households: one per (place, building, address); earlier duplicates fold into the first
create temporary table household_dup on commit drop as
    select id, keep from (select id, min(id) over (partition by jurisdiction_code, building, address) as keep from household) x
    where id <> keep;
update resident r set moved_out_on = current_date
from household_dup d
where r.household_id = d.id and r.moved_out_on is null
  and exists (select 1 from resident k where k.household_id = d.keep and k.person_id = r.person_id and k.moved_out_on is null);
update resident r set household_id = d.keep from household_dup d where r.household_id = d.id;
update outsider o set household_id = d.keep from household_dup d where o.household_id = d.id;
update observation_order o set household_id = d.keep from household_dup d where o.household_id = d.id;
delete from layout_pin p using household_dup d
where p.household_id = d.id and exists (select 1 from layout_pin k where k.map_id = p.map_id and k.household_id = d.keep);
update layout_pin p set household_id = d.keep from household_dup d where p.household_id = d.id;
delete from household h using household_dup d where h.id = d.id;
create unique index household_key on household (jurisdiction_code, building, address);

-- people known by phone alone: one per phone; earlier duplicates point at the first
update person p set merged_into = d.keep
from (select id, min(id) over (partition by phone_hash) as keep from person
      where id_hash is null and merged_into is null and phone_hash is not null) d
where p.id = d.id and d.id <> d.keep;
create unique index person_phone_only on person (phone_hash) where id_hash is null and merged_into is null;
