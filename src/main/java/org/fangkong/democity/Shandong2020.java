package org.fangkong.democity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.fangkong.cases.CaseFigures;
import org.fangkong.cases.Clusters;
import org.fangkong.cases.PublishedCounts;
import org.fangkong.common.jobs.JobProgress;
import org.fangkong.common.jobs.Jobs;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.command.Directives2020;
import org.fangkong.enterprise.ResumptionRates;
import org.fangkong.supplies.Supplies2020;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second demo data set, Shandong, February–March 2020 (山东 2020 年 2–3 月回放): the real public
 * figures as published cases, county by county and day by day ({@link Shandong2020Plan}), and the
 * 任城监狱 cluster, so figures, zoning and the dashboard show the real course of the outbreak. One
 * background job, one transaction; loaded once.
 */
@Service
public class Shandong2020 {

    /** What the replay wrote. */
    public record Loaded(int replayCases, int cured, int died, int clusterCases, int exactCountyDays, int rangedCountyDays,
                         long masksProduced, int medicalTeams) {
    }

    static final LocalDate PRISON_FIRST = LocalDate.of(2020, 2, 13);
    static final LocalDate PRISON_LAST = LocalDate.of(2020, 2, 21);
    static final String RENCHENG = "370811";
    static final LocalDate RESUMPTION_DAY = LocalDate.of(2020, 2, 23);
    static final String RESUMPTION_SOURCE = "山东省 2020-02-23：规模以上工业企业复工 25,445 家（89.7%），复岗 345.2 万人（64.8%）";

    private final PublishedCounts counts;
    private final Clusters clusters;
    private final CaseFigures figures;
    private final Jurisdictions jurisdictions;
    private final ResumptionRates rates;
    private final Supplies2020 supplies;
    private final Directives2020 directives;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private volatile Shandong2020Plan plan;

    Shandong2020(PublishedCounts counts, Clusters clusters, CaseFigures figures, Jurisdictions jurisdictions,
                 ResumptionRates rates, Supplies2020 supplies, Directives2020 directives, Jobs jobs,
                 PlatformTransactionManager transactions) {
        this.supplies = supplies;
        this.directives = directives;
        this.counts = counts;
        this.clusters = clusters;
        this.figures = figures;
        this.jurisdictions = jurisdictions;
        this.rates = rates;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The plan from the shipped figures: what would be written, and the county values that are ranges. */
    public Plan plan() {
        Shandong2020Plan p = shipped();
        return new Plan(p.ranges.stream().map(r -> new Range(r.day(), r.county(), r.name(), r.min(), r.max(), r.used())).toList(),
                p.exactCountyDays, loaded());
    }

    /** The plan as a page shows it. */
    public record Plan(List<Range> ranges, int exactCountyDays, boolean loaded) {
    }

    /** A county-day published only as a range, and the value the replay used. */
    public record Range(LocalDate day, String county, String name, int min, int max, int used) {
    }

    public boolean loaded() {
        return figures.of(jurisdictions.root(), Shandong2020Data.LAST).confirmed() > 0;
    }

    /** Starts loading in the background (admins); refused when 2020 cases are already recorded. */
    public UUID start(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("admins load demo data");
        }
        if (loaded()) {
            throw new ConflictException("dataSet", "replay.already");
        }
        return jobs.start("replay-2020", actor, "/demo/shandong-2020", this::load);
    }

    /** The plan from the shipped files: the same every time, read once. */
    Shandong2020Plan shipped() {
        if (plan == null) {
            plan = Shandong2020Plan.of(Shandong2020Data.load());
        }
        return plan;
    }

    Loaded load(JobProgress progress) {
        Shandong2020Plan plan = shipped();
        return tx.execute(status -> {
            progress.phase("cases", plan.counts.size());
            int confirmed = 0;
            int cured = 0;
            int died = 0;
            int done = 0;
            for (Shandong2020Plan.Count c : plan.counts) {
                counts.apply(c.jurisdiction(), c.day(), c.status(), c.n(), DemoOutbreak.DEMO);
                switch (c.status()) {
                    case "CONFIRMED" -> confirmed += c.n();
                    case "CURED" -> cured += c.n();
                    default -> died += c.n();
                }
                progress.done(++done);
            }
            progress.phase("cluster", 1);
            List<Long> prison = counts.confirmedBetween(RENCHENG, PRISON_FIRST, PRISON_LAST, DemoOutbreak.DEMO);
            clusters.record("OTHER", "任城监狱聚集性疫情（2020 年 2 月回放）", RENCHENG, prison, DemoOutbreak.DEMO);
            // the province's published resumption figures (规模以上工业企业, docs/rules.md: Enterprise resumption)
            rates.publish("37", RESUMPTION_DAY, new ResumptionRates.Published(true, 25_445, new BigDecimal("89.7"), 3_452_000,
                    new BigDecimal("64.8"), RESUMPTION_SOURCE));
            // 日照三奇's output, the night's dispatch to 黄冈, the 12 medical team batches and the projects
            Actor province = new Actor(0, "replay-2020", "2020 回放", Role.ADMIN, jurisdictions.root().code(),
                    jurisdictions.root().path());
            Supplies2020.Loaded s = supplies.load(province);
            // the 30 measures and the measures of 18 February, sent to every county and answered
            directives.load(province);
            return new Loaded(confirmed, cured, died, prison.size(), plan.exactCountyDays, plan.ranges.size(), s.masksProduced(),
                    s.teams());
        });
    }
}
