package org.fangkong.offline.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fangkong.common.offline.OfflineEntryHandler;
import org.fangkong.common.security.Actors;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.NavItem;
import org.fangkong.offline.OfflineSync;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

import tools.jackson.databind.JsonNode;

/**
 * The phone's offline entry page and its two doors for queued entries: {@code /offline/sync} for the
 * page (session, CSRF header) and {@code /api/v1/offline-entries} for other clients (bearer token).
 * Both answer one result per entry, in order.
 */
@Controller
class OfflineController {

    private final OfflineSync sync;
    private final List<OfflineEntryHandler> handlers;
    private final MessageSource messages;

    OfflineController(OfflineSync sync, List<OfflineEntryHandler> handlers, MessageSource messages) {
        this.messages = messages;
        this.sync = sync;
        this.handlers = handlers;
    }

    @Bean
    static NavItem offlineNavItem() {
        return new NavItem("nav.offline", "/offline", 15, Set.of(Role.GRID_WORKER, Role.OFFICER));
    }

    /** A batch as sent: the entries in the order they were made. */
    record OfflineBatch(List<OfflineSync.Entry> entries) {
    }

    /** The answer: one result per entry, in order, with what to tell the worker in their language. */
    record OfflineAnswer(Instant at, List<OfflineResult> results) {
    }

    record OfflineResult(String key, OfflineSync.Outcome outcome, boolean replayed, Long id, String field, String messageKey,
                  List<String> args, String message) {
    }

    private OfflineAnswer answer(List<OfflineSync.Result> results, Locale locale) {
        return new OfflineAnswer(Instant.now(), results.stream().map(r -> new OfflineResult(r.key(), r.outcome(), r.replayed(), r.id(),
                r.field(), r.messageKey(), r.args(), messages.getMessage(r.messageKey(), r.args().toArray(), r.messageKey(), locale)))
                .toList());
    }

    @GetMapping("/offline")
    String page(Model model) {
        Actors.requireOneOf(Role.GRID_WORKER, Role.OFFICER);
        model.addAttribute("kinds", sync.kinds());
        return "offline/offline";
    }

    /** What the phone keeps for entering offline: per kind, the places and people it needs (masked), bounded. */
    @GetMapping(path = "/offline/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    OfflinePrefetch data() {
        var me = Actors.requireOneOf(Role.GRID_WORKER, Role.OFFICER);
        Map<String, JsonNode> byKind = new TreeMap<>();
        handlers.forEach(h -> {
            JsonNode d = h.prefetch(me);
            if (d != null) {
                byKind.put(h.kind(), d);
            }
        });
        return new OfflinePrefetch(Instant.now(), me.username(), byKind);
    }

    record OfflinePrefetch(Instant refreshedAt, String username, Map<String, JsonNode> kinds) {
    }

    @PostMapping(path = "/offline/sync", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    OfflineAnswer syncFromPage(@RequestBody OfflineBatch batch, Locale locale) {
        return answer(sync.apply(batch.entries(), Actors.requireOneOf(Role.GRID_WORKER, Role.OFFICER)), locale);
    }

    @PostMapping(path = "/api/v1/offline-entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    OfflineAnswer syncFromApi(@RequestBody OfflineBatch batch, Locale locale) {
        return answer(sync.apply(batch.entries(), Actors.requireOneOf(Role.GRID_WORKER, Role.OFFICER)), locale);
    }
}
