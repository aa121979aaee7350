package org.fangkong.venue;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import org.fangkong.common.FangkongProperties;
import org.fangkong.common.Like;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageResult;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Venues, scoped like everything else: a venue outside the caller's subtree is not found.
 * Officers, venue staff and admins manage them; every staff member in scope may look.
 */
@Service
public class Venues {

    static final String SELECT = """
            select v.id, v.code, v.name, v.type, v.jurisdiction_code, j.name as jurisdiction_name, v.address,
                   v.default_stay_minutes, v.closed_at, v.demo, v.created_at
            from venue v join jurisdiction j on j.code = v.jurisdiction_code
            """;
    private static final RowMapper<Venue> MAPPER = Venues::map;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final Jurisdictions jurisdictions;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    Venues(JdbcClient jdbc, Jurisdictions jurisdictions, FangkongProperties properties,
                 DataSource dataSource, ApplicationEventPublisher events) {
        this.events = events;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
    }

    /** 128 random bits, URL-safe: the code cannot be guessed or enumerated. */
    String newCode() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String checkinUrl(String code) {
        return publicUrl + "/c/" + code;
    }

    public static boolean mayManage(Actor actor) {
        return actor.is(Role.ADMIN) || actor.is(Role.OFFICER) || actor.is(Role.VENUE_STAFF);
    }

    @Transactional
    public Venue create(VenueForm form, Actor actor) {
        requireManager(actor);
        checkJurisdiction(form.jurisdiction(), actor);
        long id = jdbc.sql("""
                        insert into venue (code, name, type, jurisdiction_code, address, default_stay_minutes, created_by)
                        values (:code, :name, :type, :j, :address, :stay, :by) returning id
                        """)
                .param("code", newCode()).param("name", form.name().strip()).param("type", form.type().name())
                .param("j", form.jurisdiction()).param("address", form.address() == null ? "" : form.address().strip())
                .param("stay", stay(form)).param("by", actor.username())
                .query(Long.class).single();
        return find(id, actor);
    }

    @Transactional
    public Venue update(long id, VenueForm form, Actor actor) {
        find(id, actor);
        requireManager(actor);
        checkJurisdiction(form.jurisdiction(), actor);
        jdbc.sql("""
                        update venue set name = :name, type = :type, jurisdiction_code = :j, address = :address,
                                         default_stay_minutes = :stay, updated_at = now()
                        where id = :id
                        """)
                .param("id", id).param("name", form.name().strip()).param("type", form.type().name())
                .param("j", form.jurisdiction()).param("address", form.address() == null ? "" : form.address().strip())
                .param("stay", stay(form)).update();
        Venue updated = find(id, actor);
        events.publishEvent(new VenueChanged(id, updated.code()));
        return updated;
    }

    /** Closing keeps the venue and its visits; its code then shows a "closed" page. */
    @Transactional
    public Venue setClosed(long id, boolean closed, Actor actor) {
        find(id, actor);
        requireManager(actor);
        jdbc.sql("update venue set closed_at = case when :closed then coalesce(closed_at, now()) end, updated_at = now() where id = :id")
                .param("id", id).param("closed", closed).update();
        Venue changed = find(id, actor);
        events.publishEvent(new VenueChanged(id, changed.code()));
        return changed;
    }

    @Transactional(readOnly = true)
    public Venue find(long id, Actor actor) {
        return jdbc.sql(SELECT + " where v.id = :id and j.path <@ cast(:scope as ltree)")
                .param("id", id).param("scope", actor.scopePath())
                .query(MAPPER).optional().orElseThrow(() -> new NotFoundException("venue"));
    }

    @Transactional(readOnly = true)
    public PageResult<Venue> list(Actor actor, String q, VenueType type, String sort, int page, int size) {
        String where = """
                 where j.path <@ cast(:scope as ltree)
                   and (cast(:q as text) is null or v.name like :q or v.address like :q)
                   and (cast(:type as text) is null or v.type = :type)
                """;
        String pattern = Like.contains(q);
        String typeName = type == null ? null : type.name();
        return PageResult.query(jdbc.sql(SELECT.replaceFirst("select ", "select count(*) over () as total_rows, ") + where
                        + " order by " + orderBy(sort) + " limit :size offset :offset")
                .param("scope", actor.scopePath()).param("q", pattern).param("type", typeName), MAPPER, page, size);
    }

    /** The public path: any venue by its code, open or closed, no scope. */
    @Transactional(readOnly = true)
    public Optional<PublicVenue> byCode(String code) {
        if (code == null || code.length() > 40) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select v.id, v.code, v.name, v.default_stay_minutes, v.closed_at is null as open, j.path::text as path
                        from venue v join jurisdiction j on j.code = v.jurisdiction_code where v.code = :code
                        """)
                .param("code", code)
                .query((rs, i) -> new PublicVenue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getString(6)))
                .optional();
    }

    /** A generated venue of the synthetic demo city. */
    public record DemoVenue(String name, VenueType type, String jurisdictionCode, String address) {
    }

    /** Creates demo venues in bulk (marked {@code demo}); returns their ids in order. */
    @Transactional
    public List<PublicVenue> createDemoVenues(List<DemoVenue> demo) {
        List<Long> ids = jdbc.sql("select nextval('venue_id_seq') from generate_series(1, :n)")
                .param("n", demo.size()).query(Long.class).list();
        List<PublicVenue> created = new ArrayList<>(demo.size());
        List<Object[]> rows = new ArrayList<>(demo.size());
        for (int i = 0; i < demo.size(); i++) {
            DemoVenue d = demo.get(i);
            String code = newCode();
            rows.add(new Object[] {ids.get(i), code, d.name(), d.type().name(), d.jurisdictionCode(), d.address(),
                    d.type().defaultStayMinutes()});
            created.add(new PublicVenue(ids.get(i), code, d.name(), d.type().defaultStayMinutes(), true, null));
        }
        new JdbcTemplate(dataSource).batchUpdate("""
                insert into venue (id, code, name, type, jurisdiction_code, address, default_stay_minutes, demo, created_by)
                values (?, ?, ?, ?, ?, ?, ?, true, 'demo')
                """, rows);
        return created;
    }

    /** How many venues exist at all (the demo city is only made into an empty platform). */
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from venue").query(Long.class).single();
    }

    /** A venue by its public code, only when it lies in the caller's scope (for imports by officers). */
    @Transactional(readOnly = true)
    public Optional<PublicVenue> byCode(String code, Actor actor) {
        return jdbc.sql("""
                        select v.id, v.code, v.name, v.default_stay_minutes, v.closed_at is null as open, j.path::text as path
                        from venue v join jurisdiction j on j.code = v.jurisdiction_code
                        where v.code = :code and j.path <@ cast(:scope as ltree)
                        """)
                .param("code", code).param("scope", actor.scopePath())
                .query((rs, i) -> new PublicVenue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getString(6)))
                .optional();
    }

    /** Names of venues by id, for showing visits (one query for a whole list). */
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("select id, name from venue where id in (:ids)")
                .param("ids", List.copyOf(ids))
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    private void checkJurisdiction(String code, Actor actor) {
        if (jurisdictions.find(code, actor.scopePath()).isEmpty()) {
            throw new FieldException("jurisdiction", "validation.scope.outside");
        }
    }

    private static int stay(VenueForm form) {
        return form.defaultStayMinutes() != null ? form.defaultStayMinutes() : form.type().defaultStayMinutes();
    }

    private static void requireManager(Actor actor) {
        if (!mayManage(actor)) {
            throw new AccessDeniedException("may not manage venues");
        }
    }

    static String orderBy(String sort) {
        return switch (sort == null ? "" : sort) {
            case "name,desc" -> "v.name desc, v.id";
            case "type" -> "v.type, v.name";
            case "jurisdiction" -> "v.jurisdiction_code, v.name";
            case "createdAt" -> "v.created_at, v.id";
            case "createdAt,desc" -> "v.created_at desc, v.id";
            default -> "v.name, v.id";
        };
    }

    static Venue map(ResultSet rs, int i) throws SQLException {
        var closed = rs.getTimestamp("closed_at");
        return new Venue(rs.getLong("id"), rs.getString("code"), rs.getString("name"), VenueType.valueOf(rs.getString("type")),
                rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"), rs.getString("address"),
                rs.getInt("default_stay_minutes"), closed == null ? null : closed.toInstant(), rs.getBoolean("demo"),
                rs.getTimestamp("created_at").toInstant());
    }
}
