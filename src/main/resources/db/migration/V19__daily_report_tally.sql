-- Each township's daily reports of a day, counted (current versions only): kept on every submit, so
-- a province's trend over 30 days sums 1,822 townships a day instead of counting 62,074 reports.
create table daily_report_tally (
    township_code    varchar(15) not null references jurisdiction (code),
    day              date        not null,
    reported         int         not null default 0,
    on_time          int         not null default 0,
    zero             int         not null default 0,
    home_observation int         not null default 0,
    primary key (township_code, day)
);

insert into daily_report_tally (township_code, day, reported, on_time, zero, home_observation)
select left(unit_code, 9), day, count(*), count(*) filter (where not late), count(*) filter (where zero), sum(home_observation)
from daily_report where current
group by 1, 2;
