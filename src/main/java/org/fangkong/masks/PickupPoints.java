package org.fangkong.masks;

import java.util.List;
import java.util.Locale;

import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.security.StaffDirectory;
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
 * Pickup points (领取点), registered by officers under a village or community of their scope. A
 * PICKUP_POINT account sees only the point an officer assigned it to ({@link #OWN_POINT} in every
 * query that lists points); unassigned, it sees none.
 */
@Service
public class PickupPoints {

    /** The filter for a point's counter staff, on {@code p}: bind {@code :staff} with {@link #staff(Actor)}. */
    static final String OWN_POINT = """
             and (cast(:staff as text) is null
                  or exists (select 1 from pickup_point_staff s where s.point_id = p.id and s.username = :staff))
            """;

    private static final String SELECT = """
            select p.id, p.jurisdiction_code, j.name as jurisdiction_name, p.name, p.kind, p.address, p.hours
            from pickup_point p join jurisdiction j on j.code = p.jurisdiction_code
            """;
    private static final RowMapper<PickupPoint> MAPPER = (rs, n) -> new PickupPoint(rs.getLong("id"),
            rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"), rs.getString("name"),
            PickupPoint.Kind.valueOf(rs.getString("kind")), rs.getString("address"), rs.getString("hours"));

    /** What it takes to register a point. */
    public record PointForm(String jurisdiction, String name, PickupPoint.Kind kind, String address, String hours) {
    }

    /** A point's editable parts; {@code kind} a {@link PickupPoint.Kind} by name, checked after the point is found. */
    public record PointEdit(String name, String kind, String address, String hours) {
    }

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final StaffDirectory directory;
    private final AuditTrail audit;

    PickupPoints(JdbcClient jdbc, Jurisdictions jurisdictions, StaffDirectory directory, AuditTrail audit) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.directory = directory;
        this.audit = audit;
    }

    @Transactional
    public PickupPoint register(PointForm form, Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("officers register pickup points");
        }
        Jurisdiction place = jurisdictions.find(form.jurisdiction() == null ? "" : form.jurisdiction().strip(), actor.scopePath())
                .filter(j -> j.level() == Level.VILLAGE)
                .orElseThrow(() -> new FieldException("jurisdiction", "validation.masks.pointPlace"));
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new FieldException("name", "validation.masks.pointName");
        }
        long id = jdbc.sql("""
                        insert into pickup_point (jurisdiction_code, name, kind, address, hours, created_by)
                        values (:j, :name, :kind, :address, :hours, :by) returning id
                        """)
                .param("j", place.code()).param("name", name)
                .param("kind", (form.kind() == null ? PickupPoint.Kind.PHARMACY : form.kind()).name())
                .param("address", text(form.address(), 200)).param("hours", text(form.hours(), 100))
                .param("by", actor.username()).query(Long.class).single();
        return find(id, actor);
    }

    /**
     * Changes a point's name, kind, address and opening hours (not its place: a point that moves is
     * a new point, its rounds' stock stays where it was). Officers and admins of its area.
     */
    @Transactional
    public PickupPoint update(long id, PointEdit form, Actor actor) {
        find(id, actor); // the point first: outside the caller's area nothing else is said
        if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("officers edit pickup points");
        }
        PickupPoint.Kind kind;
        try {
            kind = form.kind() == null || form.kind().isBlank() ? PickupPoint.Kind.PHARMACY
                    : PickupPoint.Kind.valueOf(form.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException("kind", "validation.masks.kind");
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new FieldException("name", "validation.masks.pointName");
        }
        jdbc.sql("update pickup_point set name = :name, kind = :kind, address = :address, hours = :hours where id = :id")
                .param("id", id).param("name", name)
                .param("kind", kind.name())
                .param("address", text(form.address(), 200)).param("hours", text(form.hours(), 100)).update();
        return find(id, actor);
    }

    @Transactional(readOnly = true)
    public PickupPoint find(long id, Actor actor) {
        return jdbc.sql(SELECT + " where p.id = :id and j.path <@ cast(:scope as ltree)" + OWN_POINT)
                .param("id", id).param("scope", actor.scopePath()).param("staff", staff(actor)).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("pickupPoint"));
    }

    /** The points of the caller's scope (or below one node), by place and name. */
    @Transactional(readOnly = true)
    public List<PickupPoint> list(String jurisdiction, Actor actor) {
        String node = jurisdiction == null || jurisdiction.isBlank() ? actor.scopePath()
                : jurisdictions.require(jurisdiction.strip(), actor.scopePath()).path();
        return jdbc.sql(SELECT + " where j.path <@ cast(:node as ltree)" + OWN_POINT + " order by p.jurisdiction_code, p.name, p.id")
                .param("node", node).param("staff", staff(actor)).query(MAPPER).list();
    }

    /**
     * Assigns a PICKUP_POINT account of the caller's scope to a point (one point per account; a new
     * assignment moves it). Officers and admins only.
     */
    @Transactional
    public void assignStaff(long pointId, String username, Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("officers assign pickup point staff");
        }
        find(pointId, actor);
        String name = username == null ? "" : username.strip();
        if (directory.roleOf(name, actor.scopePath()).filter(r -> r == Role.PICKUP_POINT).isEmpty()) {
            throw new FieldException("username", "validation.masks.staffAccount");
        }
        jdbc.sql("""
                        insert into pickup_point_staff (username, point_id, assigned_by) values (:u, :p, :by)
                        on conflict (username) do update set point_id = excluded.point_id, assigned_by = excluded.assigned_by,
                                                             assigned_at = now()
                        """).param("u", name).param("p", pointId).param("by", actor.username()).update();
        audit.record(AuditActions.POINT_STAFF_ASSIGNED, "pickup-point:" + pointId, name);
    }

    /** The accounts assigned to a point in scope. */
    @Transactional(readOnly = true)
    public List<String> staffOf(long pointId, Actor actor) {
        find(pointId, actor);
        return jdbc.sql("select username from pickup_point_staff where point_id = :p order by username")
                .param("p", pointId).query(String.class).list();
    }

    /** The {@code :staff} parameter of {@link #OWN_POINT}: the username of counter staff, else null. */
    static String staff(Actor actor) {
        return actor.is(Role.PICKUP_POINT) ? actor.username() : null;
    }

    private static String text(String s, int max) {
        String t = s == null ? "" : s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
