package org.fangkong.livelihood;

import java.math.BigDecimal;
import java.time.Instant;

import org.fangkong.common.offline.OfflineEntryHandler;
import org.fangkong.common.security.Actor;
import org.fangkong.common.web.FieldException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A proxy purchase's hand-out signed off at the door without signal (kind {@code handOut}), at the
 * moment it happened: once per household order; handed out meanwhile by someone else is a conflict.
 * The phone keeps the delivered batches' orders not yet handed out, by address and amount (no names).
 */
@Component
class HandOutEntries implements OfflineEntryHandler {

    private final ProxyPurchases purchases;
    private final JsonMapper json;

    HandOutEntries(ProxyPurchases purchases, JsonMapper json) {
        this.purchases = purchases;
        this.json = json;
    }

    @Override
    public String kind() {
        return "handOut";
    }

    @Override
    public Applied apply(JsonNode p, Instant enteredAt, Actor actor) {
        BigDecimal paid;
        try {
            paid = p.hasNonNull("paid") && !p.get("paid").asString().isBlank() ? new BigDecimal(p.get("paid").asString().strip()) : null;
        } catch (NumberFormatException e) {
            throw new FieldException("paid", "validation.proxy.amount");
        }
        ProxyPurchases.Order o = purchases.handOutAt(p.path("order").asLong(0), p.path("received").asBoolean(true), paid,
                p.path("note").asString(""), enteredAt, actor);
        return new Applied(o.id(), Boolean.TRUE.equals(o.received()) ? "offline.stored.handOut" : "offline.stored.notReceived",
                o.address());
    }

    @Override
    public JsonNode prefetch(Actor actor) {
        try {
            SupplyPoints.requireStaff(actor);
        } catch (RuntimeException notStaff) {
            return null;
        }
        ArrayNode orders = json.createArrayNode();
        purchases.ofVillage(null, actor).stream().filter(b -> b.status() == ProxyPurchases.Status.DELIVERED)
                .flatMap(b -> b.orders().stream()).filter(o -> o.handedAt() == null).limit(500)
                .forEach(o -> orders.addObject().put("id", o.id()).put("name", o.address())
                        .put("place", o.amount() == null ? "" : "¥" + o.amount().toPlainString()));
        return orders;
    }
}
