-- No-shows per round and point: masks of reservations released after the pickup days (未领放回).
alter table mask_round_point add column no_show int not null default 0 check (no_show >= 0);
update mask_round_point m set no_show = s.masks
from (select round_id, point_id, sum(masks) as masks from reservation where status = 'RELEASED' group by round_id, point_id) s
where s.round_id = m.round_id and s.point_id = m.point_id;

-- "collected" counted reservations while "quantity" and "booked" count masks: count masks too.
update mask_round_point m set collected = s.masks
from (select round_id, point_id, sum(masks) as masks from reservation where status = 'COLLECTED' group by round_id, point_id) s
where s.round_id = m.round_id and s.point_id = m.point_id;
