package org.fangkong.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fangkong.checkin.VisitOverlaps;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.ledger.LedgerWhereabouts;
import org.fangkong.ledger.Whereabouts;
import org.fangkong.person.PersonRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 聚集性疫情 (docs/rules.md): two or more confirmed cases within 14 days in one setting, recorded by an
 * epidemiologist (an officer). The system suggests one when two confirmed cases within 14 days
 * share a household (as the ledgers say).
 */
@Service
public class Clusters {

    public enum Setting { FAMILY, BUILDING, WORKPLACE, VENUE, OTHER }

    public record Cluster(long id, Setting setting, String name, String jurisdictionCode, LocalDate firstCaseOn,
                          List<Long> caseIds, String recordedBy, Instant recordedAt) {
    }

    /**
     * Confirmed cases that may form a cluster, confirmed within 14 days of each other: the same
     * household ({@code householdId}), or a traced exposure (at the same venue at the same time:
     * {@code venueId}).
     */
    public record Suggestion(Long householdId, Long venueId, List<Long> caseIds, LocalDate first, LocalDate last) {
    }

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final LedgerWhereabouts whereabouts;
    private final PersonRecords persons;
    private final VisitOverlaps overlaps;

    Clusters(JdbcClient jdbc, Jurisdictions jurisdictions, LedgerWhereabouts whereabouts,
             PersonRecords persons, VisitOverlaps overlaps) {
        this.persons = persons;
        this.overlaps = overlaps;
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.whereabouts = whereabouts;
    }

    @Transactional
    public Cluster record(String settingName, String name, String jurisdiction, List<Long> caseIds, Actor actor) {
        CaseRegistry.requireWrite(actor);
        Setting setting;
        try {
            setting = Setting.valueOf(settingName == null ? "" : settingName.strip());
        } catch (IllegalArgumentException e) {
            throw new FieldException("setting", "validation.cluster.setting");
        }
        if (name == null || name.isBlank()) {
            throw new FieldException("name", "validation.cluster.name");
        }
        Jurisdiction place = jurisdictions.find(jurisdiction == null ? "" : jurisdiction.strip(), actor.scopePath())
                .orElseThrow(() -> new FieldException("jurisdiction", "validation.case.jurisdiction"));
        List<Long> ids = caseIds == null ? List.of() : caseIds.stream().distinct().toList();
        // two or more confirmed cases in scope, confirmed within 14 days of each other
        record Span(int n, LocalDate first, LocalDate last) {
        }
        // a case id outside the caller's scope is as unknown as one that does not exist
        long inScope = jdbc.sql("select count(*) from case_record where id in (:ids) and jurisdiction_path <@ cast(:scope as ltree)")
                .param("ids", ids.isEmpty() ? List.of(-1L) : ids).param("scope", actor.scopePath()).query(Long.class).single();
        if (inScope != ids.size()) {
            throw new NotFoundException("case");
        }
        Span span = jdbc.sql("""
                        select count(*), min(confirmed_on), max(confirmed_on) from case_record
                        where id in (:ids) and confirmed_on is not null and jurisdiction_path <@ cast(:scope as ltree)
                        """).param("ids", ids.isEmpty() ? List.of(-1L) : ids).param("scope", actor.scopePath())
                .query((rs, n) -> new Span(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .single();
        if (ids.size() < 2 || span.n() != ids.size()) {
            throw new FieldException("caseIds", "validation.cluster.cases");
        }
        if (span.last().isAfter(span.first().plusDays(13))) {
            throw new FieldException("caseIds", "validation.cluster.span");
        }
        long id = jdbc.sql("""
                        insert into cluster (setting, name, jurisdiction_code, jurisdiction_path, first_case_on, recorded_by)
                        values (:s, :n, :j, cast(:path as ltree), :first, :by) returning id
                        """).param("s", setting.name()).param("n", name.strip()).param("j", place.code())
                .param("path", place.path()).param("first", span.first()).param("by", actor.username())
                .query(Long.class).single();
        jdbc.sql("insert into cluster_case (cluster_id, case_id) select :k, unnest(cast(:ids as bigint[]))")
                .param("k", id).param("ids", ids.toArray(Long[]::new)).update();
        return list(actor).stream().filter(k -> k.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Cluster> list(Actor actor) {
        CaseRegistry.requireRead(actor);
        return jdbc.sql("""
                        select k.*, array(select case_id from cluster_case where cluster_id = k.id order by case_id) as cases
                        from cluster k where k.jurisdiction_path <@ cast(:scope as ltree) order by k.first_case_on desc, k.id desc
                        """).param("scope", actor.scopePath())
                .query((rs, n) -> new Cluster(rs.getLong("id"), Setting.valueOf(rs.getString("setting")), rs.getString("name"),
                        rs.getString("jurisdiction_code"), rs.getObject("first_case_on", LocalDate.class),
                        Arrays.asList((Long[]) rs.getArray("cases").getArray()), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Households with two or more confirmed cases (in scope) confirmed within 14 days of each other
     * and not yet in a cluster; the households come from the ledgers.
     */
    @Transactional(readOnly = true)
    public List<Suggestion> suggestions(Actor actor) {
        CaseRegistry.requireRead(actor);
        record Confirmed(long id, long person, LocalDate on) {
        }
        List<Confirmed> cases = jdbc.sql("""
                        select c.id, c.person_id, c.confirmed_on from case_record c
                        where c.confirmed_on is not null and c.person_id is not null
                          and c.jurisdiction_path <@ cast(:scope as ltree)
                          and not exists (select 1 from cluster_case k where k.case_id = c.id)
                        """).param("scope", actor.scopePath())
                .query((rs, n) -> new Confirmed(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class))).list();
        Map<Long, Whereabouts> where = whereabouts.of(cases.stream().mapToLong(Confirmed::person).toArray());
        Map<Long, List<Confirmed>> byHousehold = new TreeMap<>();
        for (Confirmed c : cases) {
            Whereabouts w = where.get(c.person());
            if (w != null && w.householdId() != null) {
                byHousehold.computeIfAbsent(w.householdId(), h -> new ArrayList<>()).add(c);
            }
        }
        List<Suggestion> suggestions = new ArrayList<>();
        byHousehold.forEach((household, list) -> {
            LocalDate first = list.stream().map(Confirmed::on).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = list.stream().map(Confirmed::on).max(LocalDate::compareTo).orElseThrow();
            if (list.size() >= 2 && !last.isAfter(first.plusDays(13))) {
                suggestions.add(new Suggestion(household, null, list.stream().map(Confirmed::id).sorted().toList(), first, last));
            }
        });
        suggestions.addAll(sharedExposures(cases.stream().map(c -> new long[] {c.id(), c.person(), c.on().toEpochDay()}).toList(),
                actor));
        return suggestions;
    }

    /**
     * Pairs of confirmed cases whose check-ins overlapped at a venue in the 14 days before the later
     * confirmation (exposure tracing between the cases themselves), one suggestion per venue.
     */
    private List<Suggestion> sharedExposures(List<long[]> cases, Actor actor) {
        // every phone known for each case's person: a second phone's check-ins count too
        Map<Long, List<byte[]>> phones = persons.phoneHashes(cases.stream().map(c -> c[1]).toList());
        Map<String, long[]> byPhone = new HashMap<>();
        for (long[] c : cases) {
            for (byte[] h : phones.getOrDefault(c[1], List.of())) {
                byPhone.put(HexFormat.of().formatHex(h), c);
            }
        }
        Map<Long, TreeSet<Long>> byVenue = new TreeMap<>();
        Map<Long, long[]> caseById = new HashMap<>();
        for (long[] c : cases) {
            caseById.put(c[0], c);
            LocalDate confirmed = LocalDate.ofEpochDay(c[2]);
            for (byte[] h : phones.getOrDefault(c[1], List.of())) {
                var found = overlaps.find(h, ShanghaiTime.startOf(confirmed.minusDays(13)),
                        ShanghaiTime.startOf(confirmed.plusDays(1)), Duration.ZERO, actor.scopePath());
                for (var o : found.overlaps()) {
                    long[] other = byPhone.get(HexFormat.of().formatHex(o.phoneKey()));
                    if (other != null && other[0] != c[0] && Math.abs(other[2] - c[2]) <= 13) {
                        var set = byVenue.computeIfAbsent(o.index().venueId(), v -> new TreeSet<>());
                        set.add(c[0]);
                        set.add(other[0]);
                    }
                }
            }
        }
        List<Suggestion> suggestions = new ArrayList<>();
        byVenue.forEach((venue, ids) -> {
            LocalDate first = ids.stream().map(id -> LocalDate.ofEpochDay(caseById.get(id)[2])).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = ids.stream().map(id -> LocalDate.ofEpochDay(caseById.get(id)[2])).max(LocalDate::compareTo).orElseThrow();
            suggestions.add(new Suggestion(null, venue, List.copyOf(ids), first, last));
        });
        return suggestions;
    }
}
