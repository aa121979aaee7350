package org.fangkong.command;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two directives of the 2020 replay, as examples of the system in use: the province's 30 measures
 * and the measures of 18 February on zoning, each sent to every county and answered by all of them (so
 * they sit in the history, not in anyone's open list). Their texts are summaries, marked as such.
 */
@Service
public class Directives2020 {

    private final Directives directives;
    private final JdbcClient jdbc;

    Directives2020(Directives directives, JdbcClient jdbc) {
        this.directives = directives;
        this.jdbc = jdbc;
    }

    /** Loads them as {@code actor} (the province), in the caller's transaction; answers how many. */
    @Transactional
    public int load(Actor actor) {
        example(actor, "山东省疫情防控 30 条措施（2020 年回放示例）", """
                省指挥部部署 30 条措施：加强村（社区）卡口管控、外来人员登记和居家医学观察，落实日报告、零报告制度，\
                保障防护物资和生活必需品供应，有序推动企业复工复产。
                （回放示例：正文为概述，非原文；下达和反馈时间为示意。）""", LocalDateTime.of(2020, 2, 5, 9, 0));
        example(actor, "关于 2 月 18 日起实行分区分级精准防控的措施（2020 年回放示例）", """
                以县（市、区）为单位评定低、中、高风险等级，低风险县恢复正常生产生活秩序，中风险县有序复工复产，\
                高风险县继续严格防控；各县于 2 月 18 日起按等级调整措施，并报告落实情况。
                （回放示例：正文为概述，非原文；反馈时间为示意。）""", LocalDateTime.of(2020, 2, 17, 18, 0));
        return 2;
    }

    private void example(Actor actor, String title, String body, LocalDateTime issued) {
        Directive d = directives.issue(new Directives.DirectiveForm(title, body, OffsetDateTime.now().plusDays(1), true,
                List.of("COUNTY"), List.of()), actor);
        OffsetDateTime at = issued.atZone(ShanghaiTime.ZONE).toOffsetDateTime();
        jdbc.sql("update directive set issued_at = :at, deadline = :due where id = :id").param("at", at).param("due", at.plusDays(2))
                .param("id", d.id()).update();
        jdbc.sql("""
                        update directive_recipient set signed_at = :signed, signed_by = 'replay-2020', done_at = :done, done_by = 'replay-2020',
                                                       feedback = '（回放）已落实'
                        where directive_id = :id
                        """).param("signed", at.plusHours(2)).param("done", at.plusDays(1)).param("id", d.id()).update();
    }
}
