package org.fangkong.democity;

import java.time.LocalDate;
import java.util.List;

import org.fangkong.cases.CaseFigures;
import org.fangkong.cases.Clusters;
import org.fangkong.common.jobs.JobProgress;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.ConflictException;
import org.fangkong.dashboard.CommandView;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.zoning.RiskLevel;
import org.fangkong.zoning.Zoning;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 2020 replay loaded into the real registry (rolled back afterwards, so no other test sees 2020
 * cases): the province on 2020-02-24 reads 755 confirmed and 341 cured, 任城区 is high risk while
 * the prison cluster is within 14 days and low once 14 days pass without a case.
 */
@FangkongTest
@Transactional
class Shandong2020Test {

    static final Actor ADMIN = new Actor(0, "replay-test", "测试", Role.ADMIN, "37", "37");
    static final JobProgress QUIET = new JobProgress() {
        @Override
        public void phase(String phase, long total) {
        }

        @Override
        public void done(long done) {
        }
    };

    @Autowired
    Shandong2020 replay;
    @Autowired
    CaseFigures figures;
    @Autowired
    Zoning zoning;
    @Autowired
    Clusters clusters;
    @Autowired
    CommandView dashboard;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theRealCourseOfTheOutbreakDayByDay() {
        assertThat(replay.loaded()).isFalse();
        Shandong2020.Loaded loaded = replay.load(QUIET);
        assertThat(loaded.replayCases()).isEqualTo(774);
        // the supplies of 2020: 三奇's 24 days (over 20 million masks), the night's dispatch to 黄冈, 12 team batches
        assertThat(loaded.masksProduced()).isGreaterThan(20_000_000);
        assertThat(loaded.medicalTeams()).isEqualTo(12);
        assertThat(jdbc.sql("""
                        select l.sent from dispatch d join dispatch_line l on l.dispatch_id = d.id join stock_holder t on t.id = d.to_holder_id
                        join supply_item i on i.id = l.item_id
                        where t.name = '黄冈前方指挥部物资集结点' and i.code = 'SURGICAL_MASK' and d.number like 'DP20200215-%'
                        """).query(Long.class).single()).isEqualTo(100_000);
        // the two seed directives, sent to every county and answered, in no one's open list
        assertThat(jdbc.sql("""
                        select count(*) from directive d join directive_recipient r on r.directive_id = d.id
                        where d.title like '%2020 年回放示例%' and r.done_at is not null and length(r.unit_code) = 6
                        """).query(Long.class).single())
                .isEqualTo(2 * jdbc.sql("select count(*) from jurisdiction where level = 'COUNTY'").query(Long.class).single());
        assertThat(loaded.clusterCases()).isBetween(190, 235); // the 200 of 2020-02-20 and those before it the data can date

        CaseFigures.Overview feb24 = figures.overview("37", LocalDate.of(2020, 2, 24), ADMIN);
        assertThat(feb24.node().confirmed()).isEqualTo(755);
        assertThat(feb24.node().cured()).isEqualTo(341);
        assertThat(feb24.node().cureRate()).isEqualByComparingTo("45.2");
        assertThat(feb24.children().stream().filter(c -> c.code().equals("3708")).findFirst().orElseThrow().confirmed())
                .isEqualTo(257);

        assertThat(level("370811", LocalDate.of(2020, 2, 21))).isEqualTo(RiskLevel.HIGH);
        assertThat(level("370811", LocalDate.of(2020, 3, 31))).isEqualTo(RiskLevel.LOW);
        assertThat(level("370102", LocalDate.of(2020, 2, 24))).isIn(RiskLevel.LOW, RiskLevel.MEDIUM);
        assertThat(clusters.list(ADMIN)).anySatisfy(k -> assertThat(k.name()).startsWith("任城监狱"));

        CommandView.View view = dashboard.of("37", LocalDate.of(2020, 2, 24), 30, ADMIN);
        assertThat(view.figures().confirmed()).isEqualTo(755);
        assertThat(view.riskTrend()).anySatisfy(d -> assertThat(d.high()).isPositive());
        List<Long> curve = view.caseTrend().stream().map(d -> d.confirmed()).toList();
        assertThat(curve).isSorted().last().isEqualTo(755L);

        // where county values are only ranges, the dashboard says so
        assertThat(dashboard.of("370811", LocalDate.of(2020, 2, 18), 14, ADMIN).notes())
                .anySatisfy(n -> assertThat(n.messageKey()).isEqualTo("replay.note.county"))
                .anySatisfy(n -> assertThat(n.args()).startsWith("任城区", 27, 235));
        assertThat(dashboard.of("3708", LocalDate.of(2020, 2, 18), 14, ADMIN).notes())
                .extracting(n -> n.messageKey()).containsExactly("replay.note.counties");
        assertThat(dashboard.of("37", LocalDate.of(2020, 2, 10), 14, ADMIN).notes())
                .extracting(n -> n.messageKey()).contains("replay.note.noCounties");
        assertThat(dashboard.of("370102", LocalDate.of(2020, 3, 5), 14, ADMIN).notes()).isEmpty();

        // the province's published resumption figures on the day they were published (issue 15)
        assertThat(dashboard.of("37", LocalDate.of(2020, 2, 23), 14, ADMIN).lines()).anySatisfy(l -> {
            assertThat(l.messageKey()).isEqualTo("dash.enterprisesPublished");
            assertThat(l.args()).containsExactly(25_445L, "89.7", 3_452_000L, "64.8");
        });

        assertThat(replay.loaded()).isTrue();
        assertThatThrownBy(() -> replay.start(ADMIN)).isInstanceOf(ConflictException.class);
    }

    RiskLevel level(String county, LocalDate day) {
        return zoning.levels(county, day, null, ADMIN).stream().filter(l -> l.code().equals(county)).findFirst().orElseThrow()
                .level();
    }
}
