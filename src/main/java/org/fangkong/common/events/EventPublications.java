package org.fangkong.common.events;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Module events whose listener has not completed (事件未处理完), for admins: which listener, which
 * event type, since when, how often tried. The event's content is never shown: it may name people.
 */
@Service
public class EventPublications {

    /** One incomplete publication; {@code listener} is the listening method, {@code eventType} the event's class. */
    public record Incomplete(String id, String listener, String eventType, Instant publishedAt, int attempts,
                             Instant lastResubmittedAt) {

        public String eventName() {
            return eventType.substring(eventType.lastIndexOf('.') + 1).replace('$', '.');
        }
    }

    private final JdbcClient jdbc;
    private final IncompleteEventPublications incomplete;

    EventPublications(JdbcClient jdbc, IncompleteEventPublications incomplete) {
        this.jdbc = jdbc;
        this.incomplete = incomplete;
    }

    /** The oldest 200 incomplete publications (the home page and count() give how many there are). */
    public List<Incomplete> incomplete(Actor actor) {
        requireAdmin(actor);
        return jdbc.sql("""
                        select id, listener_id, event_type, publication_date, coalesce(completion_attempts, 0) as attempts,
                               last_resubmission_date
                        from event_publication where completion_date is null
                        order by publication_date, id limit 200
                        """)
                .query((rs, n) -> new Incomplete(rs.getString("id"), rs.getString("listener_id"), rs.getString("event_type"),
                        rs.getTimestamp("publication_date").toInstant(), rs.getInt("attempts"),
                        instant(rs.getTimestamp("last_resubmission_date"))))
                .list();
    }

    /** How many publications are incomplete (0 for anyone but an admin: the home page asks for everyone). */
    public long count(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            return 0;
        }
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }

    /** Runs again every incomplete publication older than a minute (younger ones may still be running). */
    public void resubmit(Actor actor) {
        requireAdmin(actor);
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("admins only");
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
