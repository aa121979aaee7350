package org.fangkong.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published figures as anonymous cases (the 2020 bulletins name no one). N newly confirmed in a
 * county on a day records N confirmed cases; N cured (or died) moves on N anonymous confirmed cases
 * of that place, its own first and then those of the places below it (cities published cures and
 * counties published cases); N excluded closes N suspected ones. The figures then come out of the
 * same history as for named cases.
 */
@Service
public class PublishedCounts {

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublishedCounts(JdbcClient jdbc, Jurisdictions jurisdictions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.events = events;
        this.clock = clock;
    }

    /** Applies one published count; answers the number of cases created or moved. */
    @Transactional
    public int apply(String jurisdiction, LocalDate day, String statusName, int count, Actor actor) {
        CaseRegistry.requireWrite(actor);
        Jurisdiction place = jurisdictions.find(jurisdiction == null ? "" : jurisdiction.strip(), actor.scopePath())
                .orElseThrow(() -> new FieldException("jurisdiction", "validation.case.jurisdiction"));
        if (day == null || day.isAfter(ShanghaiTime.today(clock))) {
            throw new FieldException("day", "validation.case.futureDate");
        }
        if (count < 1 || count > 100_000) {
            throw new FieldException("count", "validation.case.count");
        }
        CaseStatus status;
        try {
            status = CaseStatus.valueOf(statusName == null ? "" : statusName.strip());
        } catch (IllegalArgumentException e) {
            throw new FieldException("status", "validation.case.status");
        }
        int n = status.initial() ? create(place, day, status, count, actor) : move(place, day, status, count, actor);
        events.publishEvent(new CaseRecorded(0, place.code(), status, day));
        return n;
    }

    private int create(Jurisdiction place, LocalDate day, CaseStatus status, int count, Actor actor) {
        return jdbc.sql("""
                        with created as (
                            insert into case_record (status, jurisdiction_code, jurisdiction_path, reported_on, confirmed_on, note,
                                                     created_by)
                            select :s, :j, cast(:path as ltree), :d, case when :s = 'CONFIRMED' then cast(:d as date) end,
                                   '公开通报', :by
                            from generate_series(1, :n)
                            returning id
                        )
                        insert into case_event (case_id, status, on_date, by_user, note)
                        select id, :s, :d, :by, '公开通报' from created
                        """)
                .param("s", status.name()).param("j", place.code()).param("path", place.path()).param("d", day)
                .param("n", count).param("by", actor.username()).update();
    }

    private int move(Jurisdiction place, LocalDate day, CaseStatus status, int count, Actor actor) {
        String from = status == CaseStatus.EXCLUDED ? "SUSPECTED" : "CONFIRMED";
        int moved = jdbc.sql("""
                        with picked as (
                            select id from case_record
                            where jurisdiction_path <@ cast(:path as ltree) and person_id is null and status = :from
                              and (select max(on_date) from case_event e where e.case_id = case_record.id) <= :d
                            order by jurisdiction_code = :j desc, reported_on, id limit :n
                            for update
                        ), moved as (
                            update case_record c set status = :s,
                                   discharged_on = case when :s = 'CURED' then cast(:d as date) else c.discharged_on end
                            from picked where c.id = picked.id
                            returning c.id
                        )
                        insert into case_event (case_id, status, on_date, by_user, note)
                        select id, :s, :d, :by, '公开通报' from moved
                        """)
                .param("j", place.code()).param("path", place.path()).param("from", from).param("s", status.name()).param("d", day).param("n", count)
                .param("by", actor.username()).update();
        if (moved < count) {
            throw new FieldException("count", "validation.case.tooFew", moved);
        }
        return moved;
    }

    /** The published (anonymous) cases of a place confirmed from one day to another, e.g. to record them as a cluster. */
    @Transactional(readOnly = true)
    public List<Long> confirmedBetween(String jurisdiction, LocalDate from, LocalDate to, Actor actor) {
        CaseRegistry.requireRead(actor);
        Jurisdiction place = jurisdictions.find(jurisdiction == null ? "" : jurisdiction.strip(), actor.scopePath())
                .orElseThrow(() -> new FieldException("jurisdiction", "validation.case.jurisdiction"));
        return jdbc.sql("""
                        select id from case_record
                        where jurisdiction_code = :j and person_id is null and confirmed_on between :from and :to
                        order by confirmed_on, id
                        """).param("j", place.code()).param("path", place.path()).param("from", from).param("to", to).query(Long.class).list();
    }
}
