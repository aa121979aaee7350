package org.fangkong.ledger.checkpoints;

import java.math.BigDecimal;
import java.time.Instant;

import org.fangkong.common.Temperature;
import org.fangkong.common.offline.OfflineEntryHandler;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.ConflictException;
import org.fangkong.ledger.internal.LedgerScope;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A passage logged at the gate without signal (kind {@code passage}), at the minute it was entered:
 * the same checks as at the gate (a fever refuses entry and alerts the township); a checkpoint closed
 * meanwhile is a conflict.
 */
@Component
class PassageEntries implements OfflineEntryHandler {

    private final PassageLog log;
    private final JsonMapper json;

    PassageEntries(PassageLog log, JsonMapper json) {
        this.log = log;
        this.json = json;
    }

    @Override
    public String kind() {
        return "passage";
    }

    @Override
    public Applied apply(JsonNode p, Instant enteredAt, Actor actor) {
        LedgerScope.requireWrite(actor);
        Checkpoint checkpoint = log.checkpoint(p.path("checkpoint").asLong(0), actor);
        if (checkpoint.closedAt() != null && checkpoint.closedAt().isBefore(enteredAt)) {
            throw new ConflictException("checkpoint", "offline.conflict.checkpointClosed", checkpoint.name());
        }
        BigDecimal temperature = Temperature.parseOrNull(p.path("temperature").asString(""));
        PassageForm form = new PassageForm(text(p, "direction"), text(p, "name"), text(p, "idNumber"), text(p, "phone"),
                text(p, "origin"), text(p, "host"), text(p, "purpose"), text(p, "plate"), temperature);
        long id = log.write(checkpoint, form, enteredAt, actor.username(), actor.scopePath());
        boolean fever = temperature != null && temperature.compareTo(PassageLog.FEVER) >= 0;
        return new Applied(id, fever ? "offline.stored.passageFever" : "offline.stored.passage", checkpoint.name(),
                temperature == null ? "–" : temperature.toPlainString());
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    @Override
    public JsonNode prefetch(Actor actor) {
        ArrayNode points = json.createArrayNode();
        log.checkpoints(actor).stream().filter(c -> c.closedAt() == null).limit(200)
                .forEach(c -> points.addObject().put("id", c.id()).put("name", c.name()).put("place", c.jurisdictionName()));
        return points;
    }
}
