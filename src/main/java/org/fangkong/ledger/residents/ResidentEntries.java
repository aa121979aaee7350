package org.fangkong.ledger.residents;

import java.time.Instant;

import org.fangkong.common.offline.OfflineEntryHandler;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.PageResult;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A resident added to a household on a walk round without signal (kind {@code resident}): checked as
 * on the household's page (a member twice is refused); a household removed meanwhile is a conflict.
 * The phone keeps the households of the worker's area by address, without members.
 */
@Component
class ResidentEntries implements OfflineEntryHandler {

    /** At most this many households kept on a phone (a village rarely has more). */
    static final int PREFETCH_LIMIT = 1_000;

    private final ResidentLedger ledger;
    private final JsonMapper json;

    ResidentEntries(ResidentLedger ledger, JsonMapper json) {
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    public String kind() {
        return "resident";
    }

    @Override
    public Applied apply(JsonNode p, Instant enteredAt, Actor actor) {
        ResidentForm form = new ResidentForm(text(p, "name"), text(p, "idNumber"), text(p, "phone"),
                p.path("relation").asString("OTHER"), p.path("residence").asString("LIVING"), null, false, null);
        Resident r = ledger.addResident(p.path("household").asLong(0), form, actor);
        return new Applied(r.id(), "offline.stored.resident", r.address());
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() || v.asString().isBlank() ? null : v.asString();
    }

    @Override
    public JsonNode prefetch(Actor actor) {
        ArrayNode households = json.createArrayNode();
        for (int page = 0; households.size() < PREFETCH_LIMIT; page++) {
            PageResult<Household> rows = ledger.households(null, page, 200, actor);
            rows.items().forEach(h -> households.addObject().put("id", h.id())
                    .put("name", (h.building() == null || h.building().isBlank() ? "" : h.building() + " ") + h.address())
                    .put("place", h.jurisdictionName()));
            if (rows.items().size() < 200) {
                break;
            }
        }
        return households;
    }
}
