package org.fangkong.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.fangkong.common.security.Actor;
import org.fangkong.ledger.residents.HouseholdColours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households as other modules see them (a village's proxy purchases, 代购): address, how many live
 * there and the household's colour (YELLOW or RED: someone under observation or ill, so goods go to
 * the door). No names: a household is its address.
 */
@Service
public class HouseholdDirectory {

    /** A household: its village, address, residents living there, colour. */
    public record Household(long id, String villageCode, String address, int residents, String colour) {

        /** Someone at home under observation or ill: deliver to the door, no contact. */
        @JsonProperty
        public boolean doorstep() {
            return !"GREEN".equals(colour);
        }
    }

    private final JdbcClient jdbc;
    private final HouseholdColours colours;

    HouseholdDirectory(JdbcClient jdbc, HouseholdColours colours) {
        this.jdbc = jdbc;
        this.colours = colours;
    }

    /** The households of a village in the caller's scope, by address. */
    @Transactional(readOnly = true)
    public List<Household> ofVillage(String villageCode, Actor actor) {
        return read(" where h.jurisdiction_code = :v and j.path <@ cast(:scope as ltree) order by h.building, h.address, h.id",
                Map.of("v", villageCode, "scope", actor.scopePath()));
    }

    /** One household of the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<Household> find(long id, Actor actor) {
        return read(" where h.id = :id and j.path <@ cast(:scope as ltree)", Map.of("id", id, "scope", actor.scopePath()))
                .stream().findFirst();
    }

    private List<Household> read(String where, Map<String, Object> params) {
        var spec = jdbc.sql("""
                select h.id, h.jurisdiction_code, trim(h.building || ' ' || h.address) as address,
                       (select count(*) from resident r where r.household_id = h.id and r.moved_out_on is null) as residents
                from household h join jurisdiction j on j.code = h.jurisdiction_code
                """ + where);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        record Row(long id, String village, String address, int residents) {
        }
        List<Row> rows = spec.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
        Map<Long, String> colour = colours.of(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> new Household(r.id(), r.village(), r.address(), r.residents(),
                colour.getOrDefault(r.id(), "GREEN"))).toList();
    }
}
