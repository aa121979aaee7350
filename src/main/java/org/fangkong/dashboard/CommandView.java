package org.fangkong.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fangkong.cases.CaseFigures;
import org.fangkong.cases.CaseTrend;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.DashboardLines;
import org.fangkong.common.web.FigureNotes;
import org.fangkong.jurisdiction.Crumb;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.fangkong.observation.ObservationFigures;
import org.fangkong.reporting.Completeness;
import org.fangkong.reporting.ReportTrend;
import org.fangkong.zoning.RiskLevel;
import org.fangkong.zoning.Zoning;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One screen of the command dashboard: a node on a day with its figures, its children as tiles
 * coloured by risk level, and the trends over the days before. Below the county, every tile carries
 * its county's level (the 2020 rule grades counties).
 */
@Service
public class CommandView {

    /** A child of the node: its risk level, its main figures and its report completeness. */
    public record Tile(String code, String name, RiskLevel risk, long confirmed, long newConfirmed, long cured,
                       long underObservation, BigDecimal completeness, long reported, long expected) {
    }

    /**
     * A county-level division on the map of a province or city: its level, cumulative confirmed cases,
     * people under observation and report completeness ({@code null} without reporting villages).
     * Development zones ({@code devZone}) have no shape and are listed beside the map.
     */
    public record Area(String code, String name, boolean devZone, RiskLevel risk, long confirmed, long underObservation,
                       BigDecimal completeness, long reported, long expected) {
    }

    /** How many counties at or below the node stood at each level on a day. */
    public record RiskDay(LocalDate day, long low, long medium, long high) {
    }

    /**
     * The screen: {@code reportDay} is the day whose reports are shown (the day before when the
     * day is today, as today's reports are not due yet); {@code risk} the node's highest level.
     */
    public record View(String code, String name, Level level, LocalDate day, LocalDate reportDay, List<Crumb> crumbs,
                       RiskLevel risk, Map<RiskLevel, Long> counties, CaseFigures.Figures figures, Completeness.Units reports,
                       List<Completeness.Missing> missing, List<Tile> children, List<CaseTrend.Day> caseTrend,
                       List<ReportTrend.Day> reportTrend, List<RiskDay> riskTrend, List<FigureNotes.Note> notes,
                       List<DashboardLines.Line> lines, List<Area> areas) {
    }

    static final int MAX_DAYS = 90;

    private final Jurisdictions jurisdictions;
    private final CaseFigures figures;
    private final CaseTrend cases;
    private final Completeness completeness;
    private final ReportTrend reports;
    private final Zoning zoning;
    private final Clock clock;
    private final List<FigureNotes> notes;
    private final List<DashboardLines> lines;
    private final ObservationFigures observation;

    CommandView(Jurisdictions jurisdictions, CaseFigures figures, CaseTrend cases, Completeness completeness,
                ReportTrend reports, Zoning zoning, Clock clock, List<FigureNotes> notes, List<DashboardLines> lines,
                ObservationFigures observation) {
        this.observation = observation;
        this.notes = notes;
        this.lines = lines;
        this.jurisdictions = jurisdictions;
        this.figures = figures;
        this.cases = cases;
        this.completeness = completeness;
        this.reports = reports;
        this.zoning = zoning;
        this.clock = clock;
    }

    /** The node (default the caller's scope) on {@code day} (default today) with {@code days} days of trends. */
    @Transactional(readOnly = true)
    public View of(String code, LocalDate day, Integer days, Actor actor) {
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        LocalDate today = ShanghaiTime.today(clock);
        LocalDate d = day == null ? today : day;
        int span = days == null ? 30 : days;
        if (span < 7 || span > MAX_DAYS) {
            throw new FieldException("days", "validation.dashboard.days");
        }
        LocalDate reportDay = d.equals(today) ? d.minusDays(1) : d;
        LocalDate from = d.minusDays(span - 1L);

        CaseFigures.Overview f = figures.overview(node.code(), d, actor);
        Completeness.Overview r = completeness.overview(node.code(), reportDay, actor);
        List<Zoning.CountyLevel> over = zoning.levels(node.code(), from, d, null, actor);
        List<Zoning.CountyLevel> levels = over.stream().filter(l -> l.day().equals(d)).toList();
        Map<String, Completeness.Units> unitsByChild = r.children().stream()
                .collect(Collectors.toMap(Completeness.Units::code, Function.identity()));
        List<Tile> tiles = new ArrayList<>();
        for (CaseFigures.Figures c : f.children()) {
            Completeness.Units u = unitsByChild.get(c.code());
            tiles.add(new Tile(c.code(), c.name(), highest(levelsOf(c.code(), levels)), c.confirmed(), c.newConfirmed(),
                    c.cured(), c.underObservation(), u == null ? null : u.completeness(), u == null ? 0 : u.reported(),
                    u == null ? 0 : u.expected()));
        }
        List<RiskDay> riskTrend = new ArrayList<>();
        over.stream().collect(Collectors.groupingBy(Zoning.CountyLevel::day, TreeMap::new, Collectors.toList()))
                .forEach((x, onDay) -> {
                    Map<RiskLevel, Long> count = count(onDay);
                    riskTrend.add(new RiskDay(x, count.get(RiskLevel.LOW), count.get(RiskLevel.MEDIUM), count.get(RiskLevel.HIGH)));
                });
        return new View(node.code(), node.name(), node.level(), d, reportDay,
                jurisdictions.breadcrumbs(node.code(), actor.scopePath()), highest(levels), count(levels), f.node(), r.node(),
                r.missing().stream().limit(20).toList(), tiles, cases.series(node.code(), from, d, actor),
                reports.series(node.code(), from.minusDays(d.equals(reportDay) ? 0 : 1), reportDay, actor), riskTrend,
                notes.stream().flatMap(n -> n.notes(node.code(), d).stream()).toList(),
                lines.stream().flatMap(l -> l.lines(node.code(), node.path(), d, actor).stream()).toList(),
                areas(node, d, reportDay, levels, tiles, actor));
    }

    /**
     * The map's counties for a province or a city (none below: the tiles are the map there). A city's
     * children are its counties, so its tiles already hold their figures; the province asks once per module.
     */
    private List<Area> areas(Jurisdiction node, LocalDate day, LocalDate reportDay, List<Zoning.CountyLevel> levels,
                             List<Tile> tiles, Actor actor) {
        if (node.level() != Level.PROVINCE && node.level() != Level.CITY) {
            return List.of();
        }
        Map<String, Zoning.CountyLevel> level = levels.stream()
                .collect(Collectors.toMap(Zoning.CountyLevel::code, Function.identity(), (a, b) -> a));
        Map<String, Long> observed = new HashMap<>();
        Map<String, Completeness.Units> reported = new HashMap<>();
        if (node.level() == Level.CITY) {
            tiles.forEach(t -> {
                observed.put(t.code(), t.underObservation());
                reported.put(t.code(), new Completeness.Units(t.code(), t.name(), null, t.expected(), t.reported(), 0, 0));
            });
        } else {
            observation.byCounty(node.code(), day).forEach((code, c) -> observed.put(code, c.underObservation()));
            completeness.byCounty(node.code(), reportDay, actor).forEach(u -> reported.put(u.code(), u));
        }
        List<Area> areas = new ArrayList<>();
        for (Jurisdiction county : jurisdictions.at(Level.COUNTY, node.code(), actor.scopePath())) {
            Zoning.CountyLevel l = level.get(county.code());
            Completeness.Units u = reported.get(county.code());
            long expected = u == null ? 0 : u.expected();
            areas.add(new Area(county.code(), county.name(), county.devZone(), l == null ? null : l.level(),
                    l == null ? 0 : l.facts().cumulativeConfirmed(), observed.getOrDefault(county.code(), 0L),
                    expected == 0 ? null : u.completeness(), u == null ? 0 : u.reported(), expected));
        }
        return areas;
    }

    /** The counties a child covers: those below it, or (for a child below the county) its own county. */
    private static List<Zoning.CountyLevel> levelsOf(String child, List<Zoning.CountyLevel> levels) {
        List<Zoning.CountyLevel> below = levels.stream().filter(l -> l.code().startsWith(child)).toList();
        return below.isEmpty() ? levels.stream().filter(l -> child.startsWith(l.code())).toList() : below;
    }

    static RiskLevel highest(List<Zoning.CountyLevel> levels) {
        return levels.stream().map(Zoning.CountyLevel::level).max(Comparator.naturalOrder()).orElse(null);
    }

    static Map<RiskLevel, Long> count(List<Zoning.CountyLevel> levels) {
        Map<RiskLevel, Long> count = new EnumMap<>(RiskLevel.class);
        for (RiskLevel l : RiskLevel.values()) {
            count.put(l, 0L);
        }
        levels.forEach(l -> count.merge(l.level(), 1L, Long::sum));
        return count;
    }
}
