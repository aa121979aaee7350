package org.fangkong.zoning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fangkong.cases.CountyFacts;
import org.fangkong.cases.ZoningFacts;
import org.fangkong.common.DaySpan;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.fangkong.jurisdiction.DivisionCodes;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each county's risk level on a day, computed from the case registry by a rule set (default
 * {@code fangkong.zoning.rules}: the 2020 county rule). Computed on demand from the dated history,
 * so any past day is graded as it was.
 */
@Service
public class Zoning {

    /**
     * A county's level on a day: {@code level} is what counts (the override if there is one),
     * {@code computed} what the rule set says, beside it; with the facts behind it.
     */
    public record CountyLevel(String code, String name, LocalDate day, RiskLevel level, RiskLevel computed,
                              RiskLevel override, String overrideReason, String rules, CountyFacts facts) {
    }

    private final ZoningFacts facts;
    private final Jurisdictions jurisdictions;
    private final Map<String, ZoningRuleSet> ruleSets;
    private final String defaultRules;
    private final Clock clock;
    private final Overrides overrides;
    private final boolean urbanShareHighest;

    Zoning(ZoningFacts facts, Jurisdictions jurisdictions, List<ZoningRuleSet> ruleSets,
           @Value("${fangkong.zoning.rules:county-2020}") String defaultRules, Clock clock, Overrides overrides,
           @Value("${fangkong.zoning.urban-districts-share-highest:false}") boolean urbanShareHighest) {
        this.overrides = overrides;
        this.urbanShareHighest = urbanShareHighest;
        this.facts = facts;
        this.jurisdictions = jurisdictions;
        this.ruleSets = ruleSets.stream().collect(Collectors.toMap(ZoningRuleSet::name, Function.identity()));
        this.defaultRules = defaultRules;
        this.clock = clock;
    }

    /** The counties at or below a node (default the caller's scope) on a day (default today). */
    @Transactional(readOnly = true)
    public List<CountyLevel> levels(String code, LocalDate day, String rules, Actor actor) {
        LocalDate d = day == null ? ShanghaiTime.today(clock) : day;
        return levels(code, d, d, rules, actor);
    }

    /** As {@link #levels(String, LocalDate, String, Actor)} for each day from {@code from} to {@code to}: by day, then county. */
    @Transactional(readOnly = true)
    public List<CountyLevel> levels(String code, LocalDate from, LocalDate to, String rules, Actor actor) {
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        ZoningRuleSet rule = ruleSets.get(rules == null || rules.isBlank() ? defaultRules : rules.strip());
        if (rule == null) {
            throw new FieldException("rules", "validation.zoning.rules");
        }
        DaySpan.check(from, to, 120, "from");
        List<CountyFacts> all = facts.counties(node, from, to);
        Map<LocalDate, List<CountyFacts>> byDay = all.stream()
                .collect(Collectors.groupingBy(CountyFacts::day, TreeMap::new, Collectors.toList()));
        Map<LocalDate, Map<String, Overrides.Override>> overridden = overrides.effective(
                all.stream().map(CountyFacts::code).distinct().toList(), from, to);
        List<CountyLevel> levels = new ArrayList<>(all.size());
        byDay.forEach((d, counties) -> {
            Map<String, RiskLevel> computed = new LinkedHashMap<>();
            counties.forEach(f -> computed.put(f.code(), rule.level(f)));
            if (urbanShareHighest) {
                shareHighestAmongUrbanDistricts(counties, computed);
            }
            Map<String, Overrides.Override> onDay = overridden.getOrDefault(d, Map.of());
            for (CountyFacts f : counties) {
                Overrides.Override o = onDay.get(f.code());
                RiskLevel c = computed.get(f.code());
                levels.add(new CountyLevel(f.code(), f.name(), d, o == null ? c : o.level(), c, o == null ? null : o.level(),
                        o == null ? null : o.reason(), rule.name(), f));
            }
        });
        return levels;
    }

    /** The optional 2020 setting: the districts (区) of one city take the highest level among them. */
    static void shareHighestAmongUrbanDistricts(List<CountyFacts> counties, Map<String, RiskLevel> computed) {
        Map<String, RiskLevel> highest = new HashMap<>();
        for (CountyFacts f : counties) {
            if (f.name().endsWith("区")) {
                highest.merge(DivisionCodes.cityOf(f.code()), computed.get(f.code()), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        for (CountyFacts f : counties) {
            if (f.name().endsWith("区")) {
                computed.put(f.code(), highest.get(DivisionCodes.cityOf(f.code())));
            }
        }
    }

    /** Day by day, the county's levels from {@code from} to {@code to} (at most 120 days). */
    @Transactional(readOnly = true)
    public List<CountyLevel> history(String county, LocalDate from, LocalDate to, String rules, Actor actor) {
        LocalDate last = to == null ? ShanghaiTime.today(clock) : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        DaySpan.check(first, last, 120, "from");
        Jurisdiction c = jurisdictions.require(county == null ? "" : county.strip(), actor.scopePath());
        if (c.level() != Level.COUNTY) {
            throw new FieldException("county", "validation.zoning.county");
        }
        return levels(c.code(), first, last, rules, actor).stream().filter(l -> l.code().equals(c.code())).toList();
    }

    public List<String> ruleSets() {
        return ruleSets.keySet().stream().sorted().toList();
    }
}
