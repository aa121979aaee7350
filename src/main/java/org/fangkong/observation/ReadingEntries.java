package org.fangkong.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.Temperature;
import org.fangkong.common.offline.OfflineEntryHandler;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A temperature reading made offline (kind {@code reading}): for the day and half-day the worker took
 * it, not the day it reached the server. An order released or transferred meanwhile is a conflict.
 */
@Component
class ReadingEntries implements OfflineEntryHandler {

    /** At most this many people under observation kept on a phone. */
    static final int PREFETCH_LIMIT = 500;

    private final Readings readings;
    private final ObservationOrders orders;
    private final JsonMapper json;

    ReadingEntries(Readings readings, ObservationOrders orders, JsonMapper json) {
        this.readings = readings;
        this.orders = orders;
        this.json = json;
    }

    @Override
    public String kind() {
        return "reading";
    }

    @Override
    public Applied apply(JsonNode payload, Instant enteredAt, Actor actor) {
        long orderId = payload.path("order").asLong(0);
        ObservationOrder order = orders.find(orderId, actor);
        if (!order.open()) {
            throw new ConflictException("order", "offline.conflict.released", order.name());
        }
        BigDecimal temperature = Temperature.parseOrNull(payload.path("temperature").asString(""));
        if (temperature == null) {
            throw new FieldException("temperature", "validation.passage.temperature");
        }
        List<String> symptoms = new ArrayList<>();
        payload.path("symptoms").forEach(s -> symptoms.add(s.asString()));
        Reading r = readings.record(orderId, new Readings.ReadingForm(ShanghaiTime.dayOf(enteredAt),
                readings.halfAt(enteredAt).name(), temperature, symptoms), actor);
        return new Applied(r.id(), "offline.stored.reading", order.name(), temperature.toPlainString());
    }

    @Override
    public JsonNode prefetch(Actor actor) {
        if (!ObservationOrders.mayRecord(actor)) {
            return null;
        }
        ArrayNode people = json.createArrayNode();
        orders.list(null, true, actor).stream().limit(PREFETCH_LIMIT).forEach(o -> people.addObject()
                .put("id", o.id()).put("name", o.name())
                .put("place", o.address() == null || o.address().isBlank() ? o.jurisdictionName() : o.address())
                .put("lastDay", o.lastDay().toString()));
        return people;
    }
}
