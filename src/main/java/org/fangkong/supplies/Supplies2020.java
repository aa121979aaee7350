package org.fangkong.supplies;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplies of the 2020 replay (docs/rules.md: Medical supplies): 日照三奇's output from 23 January
 * (24 days, over 20 million masks), the night of 14–15 February when 100,000 surgical masks and
 * 10,000 N95 left the province's reserve in 济南 for 黄冈, Shandong's 12 batches of medical teams to
 * Hubei and the projects sent with them (80 ICU beds, 5 negative-pressure ambulances, 15 remote
 * consultation systems). Dated as they happened; the teams carry no members (no one's data).
 */
@Service
public class Supplies2020 {

    /** What the replay loaded. */
    public record Loaded(long masksProduced, int dispatches, int teams, int projects) {
    }

    private static final LocalDate SANQI_FROM = LocalDate.of(2020, 1, 23);
    private static final int SANQI_DAYS = 24;

    private final JdbcClient jdbc;
    private final StockHolders holders;
    private final StockLedger ledger;
    private final Dispatches dispatches;
    private final PairedAssistance assistance;

    Supplies2020(JdbcClient jdbc, StockHolders holders, StockLedger ledger, Dispatches dispatches, PairedAssistance assistance) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.ledger = ledger;
        this.dispatches = dispatches;
        this.assistance = assistance;
    }

    /** Loads it as {@code actor} (an admin of the province), in the caller's transaction. */
    @Transactional
    public Loaded load(Actor actor) {
        int masks = item("SURGICAL_MASK");
        int n95 = item("N95");
        long reserve = holder("37", "山东省应急物资储备库");
        StockHolder sanqi = holders.register(new StockHolders.HolderForm("371102", "日照三奇医疗卫生用品有限公司", "PRODUCER",
                "日照市东港区"), actor);
        StockHolder assembly = holders.register(new StockHolders.HolderForm("37", "黄冈前方指挥部物资集结点", "EXTERNAL",
                "湖北省黄冈市"), actor);
        // 三奇: from about 0.45 to 1.1 million masks a day as lines were added, 24 days
        long produced = 0;
        for (int d = 0; d < SANQI_DAYS; d++) {
            LocalDate day = SANQI_FROM.plusDays(d);
            long capacity = 1_200_000;
            long q = Math.min(1_100_000, 450_000 + 40_000L * d);
            produced += q;
            jdbc.sql("""
                            insert into producer_output (holder_id, item_id, day, quantity, capacity, reported_by)
                            values (:h, :i, :d, :q, :c, :by)
                            """).param("h", sanqi.id()).param("i", masks).param("d", day).param("q", q).param("c", capacity)
                    .param("by", actor.username()).update();
            dated(ledger.move(sanqi.id(), masks, StockLedger.Kind.PRODUCTION, q, null, null, "日产量 " + day, actor.username()).id(),
                    day.atTime(20, 0));
        }
        ledger.move(reserve, n95, StockLedger.Kind.RECEIPT, 10_000, null, null, "国家调拨", actor.username());
        Dispatch in = dispatches.send(new Dispatches.DispatchForm(sanqi.id(), reserve, "鲁L", "", "", "三奇调入省储备库",
                List.of(new Dispatches.LineForm(masks, 100_000L, null))), actor);
        dispatches.receive(in.id(), null, actor);
        Dispatch out = dispatches.send(new Dispatches.DispatchForm(reserve, assembly.id(), "鲁A", "", "",
                "2 月 15 日凌晨 3 时从济南发出", List.of(new Dispatches.LineForm(masks, 100_000L, null),
                        new Dispatches.LineForm(n95, 10_000L, null))), actor);
        dispatches.receive(out.id(), null, actor);
        redate(in.id(), LocalDateTime.of(2020, 2, 13, 16, 0), LocalDateTime.of(2020, 2, 14, 10, 0));
        redate(out.id(), LocalDateTime.of(2020, 2, 15, 3, 0), LocalDateTime.of(2020, 2, 15, 21, 0));
        jdbc.sql("update stock_movement set recorded_at = :at where holder_id = :h and item_id = :i and kind = 'RECEIPT' and reason = '国家调拨'")
                .param("at", at(LocalDateTime.of(2020, 2, 12, 9, 0))).param("h", reserve).param("i", n95).update();
        int teams = 0;
        for (int b = 1; b <= 12; b++) {
            // the batches left between 25 January and 17 February; dates and destinations as illustrated in the replay notes
            LocalDate left = LocalDate.of(2020, 1, 25).plusDays((b - 1) * 2L);
            assistance.addTeam(new PairedAssistance.TeamForm("37", b, "山东省第" + CHINESE[b] + "批援助湖北医疗队",
                    b <= 10 ? "黄冈市定点医院" : "武汉市定点医院", left, LocalDate.of(2020, 3, 21), "2020 年回放（示意）"), actor);
            teams++;
        }
        assistance.addProject(new PairedAssistance.ProjectForm("37", "ICU_BEDS", "援建 ICU 病床", "黄冈市定点医院", 80, "张", ""), actor);
        assistance.addProject(new PairedAssistance.ProjectForm("37", "VEHICLE", "负压救护车", "黄冈市", 5, "辆", ""), actor);
        assistance.addProject(new PairedAssistance.ProjectForm("37", "EQUIPMENT", "远程会诊系统", "黄冈市定点医院", 15, "套",
                "专家组对每例重症一例一方案"), actor);
        return new Loaded(produced, 2, teams, 3);
    }

    private static final String[] CHINESE = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};

    private int item(String code) {
        return jdbc.sql("select id from supply_item where code = :c").param("c", code).query(Integer.class).single();
    }

    private long holder(String code, String name) {
        return jdbc.sql("select id from stock_holder where jurisdiction_code = :j and name = :n").param("j", code).param("n", name)
                .query(Long.class).single();
    }

    private void dated(long movement, LocalDateTime at) {
        jdbc.sql("update stock_movement set recorded_at = :at where id = :id").param("at", at(at)).param("id", movement).update();
    }

    /** A dispatch, its lines' movements and its use dated as they happened. */
    private void redate(long dispatch, LocalDateTime sent, LocalDateTime received) {
        jdbc.sql("update dispatch set dispatched_at = :s, received_at = :r, number = 'DP' || to_char(cast(:s as timestamptz) at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || id where id = :id")
                .param("s", at(sent)).param("r", at(received)).param("id", dispatch).update();
        jdbc.sql("update stock_movement set recorded_at = case when kind = 'DISPATCH' then :s else :r end where dispatch_id = :id")
                .param("s", at(sent)).param("r", at(received)).param("id", dispatch).update();
        // its use belongs to the day it left, not to today's cover
        jdbc.sql("""
                        update stock_use_day u set used = u.used - l.sent from dispatch d join dispatch_line l on l.dispatch_id = d.id
                        where d.id = :id and u.holder_id = d.from_holder_id and u.item_id = l.item_id
                          and u.day = (now() at time zone 'Asia/Shanghai')::date
                        """).param("id", dispatch).update();
        jdbc.sql("""
                        insert into stock_use_day (holder_id, item_id, day, used)
                        select d.from_holder_id, l.item_id, cast(:day as date), l.sent from dispatch d join dispatch_line l on l.dispatch_id = d.id
                        where d.id = :id
                        on conflict (holder_id, item_id, day) do update set used = stock_use_day.used + excluded.used
                        """).param("day", sent.toLocalDate()).param("id", dispatch).update();
    }

    private static OffsetDateTime at(LocalDateTime t) {
        return t.atZone(ShanghaiTime.ZONE).toOffsetDateTime();
    }
}
