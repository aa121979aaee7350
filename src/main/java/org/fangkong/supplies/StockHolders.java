package org.fangkong.supplies;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock holders, each under a node of the tree: staff of that node or above read and move its stock.
 * External destinations belong to the province. Officers and admins register them.
 */
@Service
public class StockHolders {

    /** A holder as registered; {@code kind} by name. */
    public record HolderForm(String jurisdiction, String name, String kind, String place) {
    }

    static final String SELECT = """
            select h.id, h.name, h.kind, h.jurisdiction_code, j.name as jurisdiction_name, h.place
            from stock_holder h join jurisdiction j on j.code = h.jurisdiction_code
            """;
    static final RowMapper<StockHolder> MAPPER = (rs, n) -> new StockHolder(rs.getLong("id"), rs.getString("name"),
            StockHolder.Kind.valueOf(rs.getString("kind")), rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"),
            rs.getString("place"));

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    StockHolders(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    @Transactional
    public StockHolder register(HolderForm form, Actor actor) {
        requireWriter(actor);
        Jurisdiction node = jurisdictions.find(form.jurisdiction() == null ? "" : form.jurisdiction().strip(), actor.scopePath())
                .filter(j -> j.level() != Level.GRID)
                .orElseThrow(() -> new FieldException("jurisdiction", "validation.supplies.holderPlace"));
        StockHolder.Kind kind;
        try {
            kind = StockHolder.Kind.valueOf(form.kind() == null ? "" : form.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException("kind", "validation.supplies.holderKind");
        }
        if (kind == StockHolder.Kind.EXTERNAL && node.level() != Level.PROVINCE) {
            throw new FieldException("kind", "validation.supplies.externalAtProvince");
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new FieldException("name", "validation.supplies.holderName");
        }
        String place = form.place() == null ? "" : form.place().strip();
        if (place.length() > 200) {
            throw new FieldException("place", "validation.supplies.place");
        }
        Long id = jdbc.sql("""
                        insert into stock_holder (name, kind, jurisdiction_code, place, created_by)
                        values (:name, :kind, :j, :place, :by) on conflict (jurisdiction_code, name) do nothing returning id
                        """).param("name", name).param("kind", kind.name()).param("j", node.code()).param("place", place)
                .param("by", actor.username()).query(Long.class).optional().orElse(null);
        if (id == null) {
            throw new FieldException("name", "validation.supplies.holderTaken");
        }
        return find(id, actor);
    }

    /** A holder of the caller's scope; 404 otherwise. */
    @Transactional(readOnly = true)
    public StockHolder find(long id, Actor actor) {
        requireReader(actor);
        return jdbc.sql(SELECT + " where h.id = :id and j.path <@ cast(:scope as ltree)").param("id", id)
                .param("scope", actor.scopePath()).query(MAPPER).optional().orElseThrow(() -> new NotFoundException("stockHolder"));
    }

    /** Any holder, for a dispatch's destination (names and places of holders are not personal data). */
    Optional<StockHolder> anyHolder(Long id) {
        return jdbc.sql(SELECT + " where h.id = :id").param("id", id == null ? -1 : id).query(MAPPER).optional();
    }

    /** The holders below a node (default the caller's scope), by place, kind and name. */
    @Transactional(readOnly = true)
    public List<StockHolder> list(String node, Actor actor) {
        requireReader(actor);
        Jurisdiction n = jurisdictions.nodeOrScope(node, actor);
        return jdbc.sql(SELECT + " where j.path <@ cast(:node as ltree) order by length(h.jurisdiction_code), h.jurisdiction_code, h.kind, h.name")
                .param("node", n.path()).query(MAPPER).list();
    }

    /** Where a dispatch may go: the province's holders, by level, place and name. */
    @Transactional(readOnly = true)
    public List<StockHolder> destinations() {
        return jdbc.sql(SELECT + " order by length(h.jurisdiction_code), h.jurisdiction_code, h.kind, h.name limit 2000").query(MAPPER).list();
    }

    static void requireWriter(Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("officers and admins manage stock");
        }
    }

    static void requireReader(Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN) && !actor.is(Role.COMMANDER)) {
            throw new AccessDeniedException("officers, commanders and admins read stock");
        }
    }
}
