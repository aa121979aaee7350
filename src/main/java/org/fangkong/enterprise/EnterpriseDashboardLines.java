package org.fangkong.enterprise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.web.DashboardLines;
import org.springframework.stereotype.Component;

/** The enterprises' line on the command dashboard: 开工率 (all and 规上) and 复岗率, and what was published for the day. */
@Component
class EnterpriseDashboardLines implements DashboardLines {

    private final ResumptionRates rates;
    private final EnterpriseReports reports;

    EnterpriseDashboardLines(ResumptionRates rates, EnterpriseReports reports) {
        this.rates = rates;
        this.reports = reports;
    }

    @Override
    public List<Line> lines(String code, String path, LocalDate day, Actor actor) {
        List<Line> lines = new ArrayList<>();
        String href = "/enterprises/rates?node=" + code + "&day=" + day;
        ResumptionRates.Rate r = rates.total(code, day, actor);
        if (r.enterprises() > 0) {
            lines.add(new Line("dash.enterprises", List.of(percent(r.resumedPercent()), percent(r.aboveResumedPercent()),
                    percent(r.staffPercent()), r.enterprises()), href));
        }
        // today's reports cover yesterday, as the villages' do
        LocalDate reportDay = day.isAfter(reports.yesterday()) ? reports.yesterday() : day;
        reports.tallies(code, code.length(), reportDay).stream().filter(t -> t.code() == null && t.expected() > 0).findFirst()
                .ifPresent(t -> lines.add(new Line("dash.enterpriseReports", List.of(t.reported(), t.expected(),
                        percent(BigDecimal.valueOf(t.reported() * 100).divide(BigDecimal.valueOf(t.expected()), 1, RoundingMode.HALF_UP)),
                        reportDay), "/reports/completeness?jurisdiction=" + code + "&day=" + reportDay)));
        rates.published(code, day).ifPresent(p -> lines.add(new Line("dash.enterprisesPublished",
                List.of(p.resumed(), p.resumedPercent().toPlainString(), p.staffBack(), p.staffPercent().toPlainString()), href)));
        return lines;
    }

    private static String percent(BigDecimal p) {
        return p == null ? "—" : p.toPlainString() + "%";
    }
}
