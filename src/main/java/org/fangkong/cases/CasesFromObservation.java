package org.fangkong.cases;

import org.fangkong.observation.ObservationOutcome;
import org.fangkong.person.PersonRecords;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** An escalated observation sent to the fever clinic or a designated hospital can open a suspected case. */
@Component
class CasesFromObservation {

    private final JdbcClient jdbc;
    private final CaseRegistry registry;
    private final ApplicationEventPublisher events;
    private final PersonRecords records;

    CasesFromObservation(JdbcClient jdbc, CaseRegistry registry, ApplicationEventPublisher events, PersonRecords records) {
        this.jdbc = jdbc;
        this.records = records;
        this.registry = registry;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(ObservationOutcome outcome) {
        if (!outcome.suspectedCase()) {
            return;
        }
        // one open case per person, also when two alerts of theirs are handled at the same moment
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('open-case:' || cast(:p as text), 0))")
                .param("p", outcome.personId()).query((rs, n) -> 1).list();
        boolean open = jdbc.sql("""
                        select exists (select 1 from case_record where person_id = :p
                                       and status in ('SUSPECTED', 'CONFIRMED', 'ASYMPTOMATIC'))
                        """).param("p", outcome.personId()).query(Boolean.class).single();
        if (open) {
            return; // already a case: nothing to open
        }
        long record = records.copy(outcome.recordId(), outcome.jurisdictionCode(), PersonRecords.Source.CASE);
        long id = jdbc.sql("""
                        insert into case_record (person_id, record_id, status, jurisdiction_code, jurisdiction_path, reported_on,
                                                 observation_order_id, note, created_by)
                        select :p, :rec, 'SUSPECTED', j.code, j.path, :on, :o, '居家医学观察发热送诊', :by
                        from jurisdiction j where j.code = :j
                        returning id
                        """).param("p", outcome.personId()).param("rec", record).param("on", outcome.on()).param("o", outcome.orderId())
                .param("j", outcome.jurisdictionCode()).param("by", outcome.by()).query(Long.class).single();
        registry.event(id, CaseStatus.SUSPECTED, outcome.on(), outcome.by(), "");
        events.publishEvent(new CaseRecorded(id, outcome.jurisdictionCode(), CaseStatus.SUSPECTED, outcome.on()));
    }
}
