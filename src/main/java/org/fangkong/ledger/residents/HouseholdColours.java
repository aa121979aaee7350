package org.fangkong.ledger.residents;

import java.sql.Array;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.ledger.PersonStatusSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The colour of each household (docs/rules.md "Home medical observation"): RED for a fever (a checkpoint
 * fever alert within 14 days, a member recorded with fever) or for a member the other modules
 * report red (escalated observation, a case); YELLOW for someone under observation or back from a
 * key area within 14 days; GREEN otherwise. One query for the ledger's part, one call per source.
 */
@Service
public class HouseholdColours {

    static final int DAYS = 14;

    private final JdbcClient jdbc;
    private final List<PersonStatusSource> sources;
    private final Clock clock;

    HouseholdColours(JdbcClient jdbc, List<PersonStatusSource> sources, Clock clock) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Map<Long, String> of(Collection<Long> householdIds) {
        Map<Long, String> colours = new HashMap<>();
        if (householdIds.isEmpty()) {
            return colours;
        }
        Map<Long, List<Long>> members = new HashMap<>();
        jdbc.sql("""
                        select h.id,
                               case
                                 when exists (select 1 from resident r
                                              left join passage p on p.person_id = r.person_id
                                              left join checkpoint_alert a on a.passage_id = p.id and a.raised_at >= :since_at
                                              where r.household_id = h.id and r.moved_out_on is null
                                                and (r.health = 'FEVER' or a.id is not null)) then 'RED'
                                 when exists (select 1 from resident r where r.household_id = h.id and r.moved_out_on is null
                                                and r.from_key_area and r.left_key_area_on >= :since)
                                   or exists (select 1 from outsider o where o.household_id = h.id and o.from_key_area
                                                and o.left_on is null and coalesce(o.left_key_area_on, o.arrived_on) >= :since)
                                   then 'YELLOW'
                                 else 'GREEN'
                               end,
                               array(select r.person_id from resident r where r.household_id = h.id and r.moved_out_on is null
                                     union select o.person_id from outsider o where o.household_id = h.id and o.left_on is null)
                        from household h where h.id = any(cast(:ids as bigint[]))
                        """)
                .param("ids", householdIds.toArray(Long[]::new))
                .param("since", ShanghaiTime.today(clock).minusDays(DAYS))
                .param("since_at", OffsetDateTime.ofInstant(clock.instant(), ShanghaiTime.ZONE).minusDays(DAYS))
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    colours.put(id, rs.getString(2));
                    Array people = rs.getArray(3);
                    List<Long> ids = new ArrayList<>();
                    for (Long p : (Long[]) people.getArray()) {
                        ids.add(p);
                    }
                    members.put(id, ids);
                    return id;
                }).list();
        List<Long> everyone = members.values().stream().flatMap(List::stream).distinct().toList();
        for (PersonStatusSource source : sources) {
            Map<Long, String> said = source.colours(everyone);
            members.forEach((household, people) -> people.stream().map(said::get).filter(c -> c != null)
                    .forEach(c -> colours.merge(household, c, HouseholdColours::worse)));
        }
        return colours;
    }

    static String worse(String a, String b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(String colour) {
        return switch (colour) {
            case "RED" -> 2;
            case "YELLOW" -> 1;
            default -> 0;
        };
    }
}
