-- The daily report counts the pharmacies' fever and cough medicine buyers of the unit's day
-- (发热咳嗽药品购买登记, issue 14); a zero report has none either.
alter table daily_report add column fever_medicine_buyers int not null default 0 check (fever_medicine_buyers >= 0);
alter table daily_report add constraint daily_report_zero_medicine check (not zero or fever_medicine_buyers = 0);
