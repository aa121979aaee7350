package org.fangkong.supplies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.fangkong.common.security.Actor;
import org.fangkong.jurisdiction.DivisionCodes;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Days of cover (可用天数): a holder's stock of an item ÷ its average daily use (consumed or dispatched)
 * over the last 7 days. Under {@value #SHORT_DAYS} days is a shortage (告急). An item not used in
 * those days has no figure (it is not running out).
 */
@Service
public class StockCover {

    public static final int SHORT_DAYS = 3;

    /** A holder's item: on hand, average daily use, days of cover (null without use). */
    public record Cover(long holderId, String holderName, String place, int itemId, String itemName, String unit, long onHand,
                        BigDecimal dailyUse, BigDecimal days) {

        @JsonProperty
        public boolean shortage() {
            return days != null && days.compareTo(BigDecimal.valueOf(SHORT_DAYS)) < 0;
        }
    }

    private static final String COVER = """
            select b.holder_id, h.name as holder_name, j.name as place, i.id as item_id, i.name as item_name, i.unit, b.on_hand,
                   coalesce(u.used, 0) / 7.0 as daily_use
            from stock_balance b join stock_holder h on h.id = b.holder_id join jurisdiction j on j.code = h.jurisdiction_code
            join supply_item i on i.id = b.item_id
            left join (select holder_id, item_id, sum(used) as used from stock_use_day
                       where day > (now() at time zone 'Asia/Shanghai')::date - 7 group by 1, 2) u
                   on u.holder_id = b.holder_id and u.item_id = b.item_id
            """;
    private static final RowMapper<Cover> MAPPER = (rs, n) -> {
        BigDecimal use = rs.getBigDecimal("daily_use").setScale(1, RoundingMode.HALF_UP);
        long onHand = rs.getLong("on_hand");
        BigDecimal days = rs.getBigDecimal("daily_use").signum() == 0 ? null
                : BigDecimal.valueOf(onHand).divide(rs.getBigDecimal("daily_use"), 1, RoundingMode.HALF_UP);
        return new Cover(rs.getLong("holder_id"), rs.getString("holder_name"), rs.getString("place"), rs.getInt("item_id"),
                rs.getString("item_name"), rs.getString("unit"), onHand, use, days);
    };

    private final JdbcClient jdbc;
    private final StockHolders holders;
    private final Jurisdictions jurisdictions;

    StockCover(JdbcClient jdbc, StockHolders holders, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.jurisdictions = jurisdictions;
    }

    /** Each item a holder has held, with its days of cover. */
    @Transactional(readOnly = true)
    public List<Cover> ofHolder(long holderId, Actor actor) {
        holders.find(holderId, actor);
        return jdbc.sql(COVER + " where b.holder_id = :h order by i.sort_order, i.id").param("h", holderId).query(MAPPER).list();
    }

    /** The holders' items of a node under {@value #SHORT_DAYS} days of cover, the shortest first. */
    @Transactional(readOnly = true)
    public List<Cover> shortages(String code, int limit, Actor actor) {
        StockHolders.requireReader(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        return jdbc.sql(COVER + """
                         where h.jurisdiction_code >= :lo and h.jurisdiction_code < :hi and u.used > 0
                           and b.on_hand * 7.0 / u.used < :short
                        order by b.on_hand * 7.0 / u.used, h.name limit :limit
                        """).param("lo", node.code()).param("hi", DivisionCodes.after(node.code())).param("short", SHORT_DAYS)
                .param("limit", limit).query(MAPPER).list();
    }
}
