-- 登记身份: a person as one place recorded them. The registry links records of one person by the
-- keyed hash of the ID number (else phone), but what a county sees and reveals is only what its own
-- rows recorded: the name, ID number and phone typed there, with the place, source and day. Every
-- phone ever typed for a person is kept this way (tracing and matching use all of them); the
-- person row keeps the first one and is never overwritten by another county's input.
create table person_record (
    id                bigserial primary key,
    person_id         bigint      not null references person (id),
    source            text        not null check (source in ('RESIDENT', 'OUTSIDER', 'PASSAGE', 'OBSERVATION', 'CASE')),
    jurisdiction_code varchar(15) not null references jurisdiction (code),
    name_sealed       bytea       not null,
    name_masked       text        not null,
    name_hash         bytea       not null,
    id_hash           bytea,
    id_sealed         bytea,
    id_masked         text,
    phone_hash        bytea,
    phone_sealed      bytea,
    phone_masked      text,
    sex               char(1) check (sex in ('M', 'F')),
    birth_date        date,
    recorded_at       timestamptz not null default now(),
    check (id_hash is not null or phone_hash is not null)
);
-- one record per person, place, source and identity as typed: a gate's daily passages share one
create unique index person_record_key on person_record (person_id, jurisdiction_code, source, name_hash,
                                                        coalesce(id_hash, '\x'::bytea), coalesce(phone_hash, '\x'::bytea));
create index person_record_person on person_record (person_id);
create index person_record_phone on person_record (phone_hash) where phone_hash is not null;
create index person_record_id on person_record (id_hash) where id_hash is not null;

-- what was recorded so far: the registry's own values, at each place that holds the person
insert into person_record (person_id, source, jurisdiction_code, name_sealed, name_masked, name_hash, id_hash, id_sealed,
                           id_masked, phone_hash, phone_sealed, phone_masked, sex, birth_date)
select distinct x.person_id, x.source, x.place, p.name_sealed, p.name_masked, p.name_hash, p.id_hash, p.id_sealed,
       p.id_masked, p.phone_hash, p.phone_sealed, p.phone_masked, p.sex, p.birth_date
from (select r.person_id, 'RESIDENT' as source, h.jurisdiction_code as place from resident r join household h on h.id = r.household_id
      union select person_id, 'OUTSIDER', jurisdiction_code from outsider
      union select s.person_id, 'PASSAGE', c.jurisdiction_code from passage s join checkpoint c on c.id = s.checkpoint_id
      union select person_id, 'OBSERVATION', jurisdiction_code from observation_order
      union select person_id, 'CASE', jurisdiction_code from case_record where person_id is not null) x
join person p on p.id = x.person_id
where p.id_hash is not null or p.phone_hash is not null;

alter table resident add column record_id bigint references person_record (id);
alter table outsider add column record_id bigint references person_record (id);
alter table passage add column record_id bigint references person_record (id);
alter table observation_order add column record_id bigint references person_record (id);
alter table case_record add column record_id bigint references person_record (id);

update resident r set record_id = pr.id from household h, person_record pr
where h.id = r.household_id and pr.person_id = r.person_id and pr.jurisdiction_code = h.jurisdiction_code and pr.source = 'RESIDENT';
update outsider o set record_id = pr.id from person_record pr
where pr.person_id = o.person_id and pr.jurisdiction_code = o.jurisdiction_code and pr.source = 'OUTSIDER';
update passage s set record_id = pr.id from checkpoint c, person_record pr
where c.id = s.checkpoint_id and pr.person_id = s.person_id and pr.jurisdiction_code = c.jurisdiction_code and pr.source = 'PASSAGE';
update observation_order o set record_id = pr.id from person_record pr
where pr.person_id = o.person_id and pr.jurisdiction_code = o.jurisdiction_code and pr.source = 'OBSERVATION';
update case_record c set record_id = pr.id from person_record pr
where pr.person_id = c.person_id and pr.jurisdiction_code = c.jurisdiction_code and pr.source = 'CASE';

alter table resident alter column record_id set not null;
alter table outsider alter column record_id set not null;
alter table passage alter column record_id set not null;
alter table observation_order alter column record_id set not null;
create index resident_record on resident (record_id);
create index outsider_record on outsider (record_id);
create index passage_record on passage (record_id);
create index observation_order_record on observation_order (record_id);
create index case_record_record on case_record (record_id);

-- 对比摸排: where a sighting was, so a row shows it only to viewers whose scope holds that place
alter table match_row add column venue_jurisdiction varchar(15);
alter table match_row add column checkpoint_jurisdiction varchar(15);
create index match_list_uploaded on match_list (uploaded_at);
create index match_row_person on match_row (person_id) where person_id is not null;
