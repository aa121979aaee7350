package org.fangkong.masks;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.UnitDayFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The pharmacies' part of a unit's daily report: the fever and cough medicine buyers it follows up that day. */
@Component
class MedicineDayFacts implements UnitDayFacts {

    private final JdbcClient jdbc;

    MedicineDayFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> of(String unitCode, String unitPath, LocalDate day) {
        int buyers = jdbc.sql("""
                        select count(*) from medicine_sale s join jurisdiction v on v.code = s.village_code
                        where v.path <@ cast(:path as ltree) and s.sold_at >= :from and s.sold_at < :to
                        """).param("path", unitPath).param("from", Timestamp.from(ShanghaiTime.startOf(day)))
                .param("to", Timestamp.from(ShanghaiTime.startOf(day.plusDays(1)))).query(Integer.class).single();
        return Map.of("feverMedicineBuyers", buyers);
    }
}
