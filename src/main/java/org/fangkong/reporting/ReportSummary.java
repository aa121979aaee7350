package org.fangkong.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fangkong.common.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day's report summary of a node (日报告汇总表): completeness, timeliness and the summed counts
 * of the node and each child, and the units missing; as xlsx and as a printable A4 sheet. Counts
 * only, no personal data.
 */
@Service
public class ReportSummary {

    static final String[] COLUMNS = {"辖区", "代码", "应报", "已报", "按时", "零报告", "完整率(%)", "及时率(%)", "新增发热",
            "新增疑似", "新增确诊", "新增密切接触者", "居家观察", "集中观察", "解除观察", "重点地区来人",
            "购药登记"};

    /** One row: a node or a child. */
    public record Line(String code, String name, long expected, long reported, long onTime, long zero, BigDecimal completeness,
                       BigDecimal timeliness, DailyReport.Counts counts) {

        static Line of(Completeness.Units u, ReportRollup.Sums s) {
            return new Line(u.code(), u.name(), u.expected(), u.reported(), u.onTime(), u.zero(), u.completeness(), u.timeliness(),
                    s == null ? DailyReport.Counts.ZERO : s.counts());
        }

        /** The row's cells in {@link #COLUMNS} order. */
        Object[] cells() {
            DailyReport.Counts c = counts;
            return new Object[] {name, code, expected, reported, onTime, zero, completeness, timeliness, c.newFever(),
                    c.newSuspected(), c.newConfirmed(), c.newCloseContacts(), c.homeObservation(), c.centralObservation(),
                    c.released(), c.keyAreaArrivals(), c.feverMedicineBuyers()};
        }
    }

    /** The sheet: the node's total first, then its children, then the units missing (the first 200). */
    public record Sheet(LocalDate day, String level, Line node, List<Line> children, List<Completeness.Missing> missing,
                        Instant madeAt, String madeBy) {
    }

    private final Completeness completeness;
    private final ReportRollup rollup;
    private final Clock clock;

    ReportSummary(Completeness completeness, ReportRollup rollup, Clock clock) {
        this.completeness = completeness;
        this.rollup = rollup;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Sheet of(String code, LocalDate day, Actor actor) {
        Completeness.Overview c = completeness.overview(code, day, actor);
        ReportRollup.Overview r = rollup.overview(c.node().code(), c.day(), actor);
        Map<String, ReportRollup.Sums> sums = r.children().stream()
                .collect(Collectors.toMap(ReportRollup.Sums::code, Function.identity()));
        return new Sheet(c.day(), c.node().level(), Line.of(c.node(), r.node()),
                c.children().stream().map(u -> Line.of(u, sums.get(u.code()))).toList(), c.missing(), clock.instant(),
                actor.displayName());
    }

    public byte[] xlsx(Sheet sheet) {
        return ReportSummaryFiles.xlsx(sheet);
    }

    public byte[] pdf(Sheet sheet) {
        return ReportSummaryFiles.pdf(sheet);
    }
}
