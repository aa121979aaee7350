package org.fangkong.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.fangkong.common.Like;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.security.Role;
import org.fangkong.common.security.StaffDirectory;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.common.web.PageResult;
import org.fangkong.enterprise.Enterprise.SizeClass;
import org.fangkong.enterprise.Enterprise.State;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.fangkong.jurisdiction.Level;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise registry (企业名录): officers register enterprises under a township (an industrial
 * park) or a village of their scope; an ENTERPRISE account sees only the enterprise an officer bound
 * it to ({@link #OWN} in every query that lists enterprises).
 */
@Service
public class Enterprises {

    /** The filter for an enterprise's own account, on {@code e}: bind {@code :account} with {@link #account(Actor)}. */
    static final String OWN = """
             and (cast(:account as text) is null
                  or exists (select 1 from enterprise_account a where a.enterprise_id = e.id and a.username = :account))
            """;

    static final String SELECT = """
            select e.id, e.credit_code, e.name, e.industry_section, e.industry_division, e.size_class, e.above_scale,
                   e.medical_supplies, e.livelihood_supply, e.jurisdiction_code, j.name as jurisdiction_name, e.park, e.address,
                   e.staff_total, s.state, s.day as state_since, s.staff_back
            from enterprise e join jurisdiction j on j.code = e.jurisdiction_code
            left join lateral (select state, day, staff_back from enterprise_status
                               where enterprise_id = e.id order by day desc limit 1) s on true
            """;
    static final RowMapper<Enterprise> MAPPER = (rs, n) -> new Enterprise(rs.getLong("id"), rs.getString("credit_code"),
            rs.getString("name"), rs.getString("industry_section"), rs.getString("industry_division"),
            SizeClass.valueOf(rs.getString("size_class")), rs.getBoolean("above_scale"), rs.getBoolean("medical_supplies"),
            rs.getBoolean("livelihood_supply"), rs.getString("jurisdiction_code"), rs.getString("jurisdiction_name"),
            rs.getString("park"), rs.getString("address"), rs.getInt("staff_total"),
            rs.getString("state") == null ? State.NOT_RESUMED : State.valueOf(rs.getString("state")),
            rs.getObject("state_since", LocalDate.class), rs.getInt("staff_back"));

    /** A form checked: every value of its kind, the place in the caller's scope. */
    record Checked(CreditCode code, String name, String section, String division, SizeClass size, boolean aboveScale,
                   boolean medical, boolean livelihood, String place, String park, String address, int staffTotal) {
    }

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final EnterpriseStates states;
    private final StaffDirectory directory;
    private final AuditTrail audit;
    private final Clock clock;

    Enterprises(JdbcClient jdbc, Jurisdictions jurisdictions, EnterpriseStates states, StaffDirectory directory,
                AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.states = states;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Enterprise register(EnterpriseForm form, Actor actor) {
        requireOfficer(actor);
        Checked c = check(form, code -> place(code, actor));
        long id = jdbc.sql("""
                        insert into enterprise (credit_code, name, industry_section, industry_division, size_class, above_scale,
                                                medical_supplies, livelihood_supply, jurisdiction_code, park, address, staff_total,
                                                created_by)
                        values (:code, :name, :section, :division, :size, :above, :medical, :livelihood, :place, :park, :address,
                                :staff, :by)
                        on conflict (credit_code) do nothing
                        returning id
                        """)
                .param("code", c.code().value()).param("name", c.name()).param("section", c.section())
                .param("division", c.division()).param("size", c.size().name()).param("above", c.aboveScale())
                .param("medical", c.medical()).param("livelihood", c.livelihood()).param("place", c.place())
                .param("park", c.park()).param("address", c.address()).param("staff", c.staffTotal()).param("by", actor.username())
                .query(Long.class).optional()
                .orElseThrow(() -> new ConflictException("creditCode", "validation.enterprise.creditCodeTaken"));
        states.record(id, State.NOT_RESUMED, 0, ShanghaiTime.today(clock), "", actor);
        return find(id, actor);
    }

    /**
     * Changes what the registry says of an enterprise (not its credit code). Its rates from today on
     * count it where and as it now is.
     */
    @Transactional
    public Enterprise update(long id, EnterpriseForm form, Actor actor) {
        Enterprise before = find(id, actor);
        requireOfficer(actor);
        Checked c = check(new EnterpriseForm(before.creditCode(), form.name(), form.division(), form.section(), form.sizeClass(),
                form.aboveScale(), form.medicalSupplies(), form.livelihoodSupply(), form.jurisdiction(), form.park(),
                form.address(), form.staffTotal()), code -> place(code, actor));
        if (c.staffTotal() < before.staffBack()) {
            throw new FieldException("staffTotal", "validation.enterprise.staffTotalBelowBack");
        }
        jdbc.sql("""
                        update enterprise set name = :name, industry_section = :section, industry_division = :division,
                                              size_class = :size, above_scale = :above, medical_supplies = :medical,
                                              livelihood_supply = :livelihood, jurisdiction_code = :place, park = :park,
                                              address = :address, staff_total = :staff, updated_at = now()
                        where id = :id
                        """)
                .param("id", id).param("name", c.name()).param("section", c.section()).param("division", c.division())
                .param("size", c.size().name()).param("above", c.aboveScale()).param("medical", c.medical())
                .param("livelihood", c.livelihood()).param("place", c.place()).param("park", c.park())
                .param("address", c.address()).param("staff", c.staffTotal()).update();
        // the same state from today, counted with the new place, industry, scale and staff
        states.record(id, before.state(), before.staffBack(), ShanghaiTime.today(clock), "", actor);
        return find(id, actor);
    }

    @Transactional(readOnly = true)
    public Enterprise find(long id, Actor actor) {
        requireRead(actor);
        return jdbc.sql(SELECT + " where e.id = :id and j.path <@ cast(:scope as ltree)" + OWN)
                .param("id", id).param("scope", actor.scopePath()).param("account", account(actor)).query(MAPPER).optional()
                .orElseThrow(() -> new NotFoundException("enterprise"));
    }

    /** What a list of enterprises may be filtered by; every part optional. */
    public record Filter(String node, String q, String state, String section, Boolean aboveScale) {
    }

    /** The enterprises below a node of the caller's scope, by place and name, paged. */
    @Transactional(readOnly = true)
    public PageResult<Enterprise> list(Filter filter, int page, int size, Actor actor) {
        requireRead(actor);
        String node = filter.node() == null || filter.node().isBlank() ? actor.scopePath()
                : jurisdictions.require(filter.node().strip(), actor.scopePath()).path();
        String state = null;
        if (filter.state() != null && !filter.state().isBlank()) {
            try {
                state = State.valueOf(filter.state().strip().toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw new FieldException("state", "validation.enterprise.state");
            }
        }
        String section = Industry.section(filter.section(), "section").map(Enum::name).orElse(null);
        String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip();
        return PageResult.query(jdbc.sql("select x.*, count(*) over () as total_rows from (" + SELECT
                        + """
                         where j.path <@ cast(:node as ltree)
                           and (cast(:q as text) is null or e.name like :like or e.credit_code = upper(:q))
                           and (cast(:section as text) is null or e.industry_section = :section)
                           and (cast(:above as boolean) is null or e.above_scale = :above)
                        """ + OWN + """
                        ) x where (cast(:state as text) is null or coalesce(x.state, 'NOT_RESUMED') = :state)
                        order by x.jurisdiction_code, x.name, x.id limit :size offset :offset
                        """)
                .param("node", node).param("q", q).param("like", q == null ? null : Like.contains(q))
                .param("section", section).param("above", filter.aboveScale()).param("account", account(actor))
                .param("state", state), MAPPER, page, size);
    }

    /**
     * Binds an ENTERPRISE account of the caller's scope to an enterprise (one enterprise per account; a
     * new binding moves it). Officers and admins only.
     */
    @Transactional
    public void assignAccount(long enterpriseId, String username, Actor actor) {
        find(enterpriseId, actor);
        requireOfficer(actor);
        String name = username == null ? "" : username.strip();
        if (directory.roleOf(name, actor.scopePath()).filter(r -> r == Role.ENTERPRISE).isEmpty()) {
            throw new FieldException("username", "validation.enterprise.account");
        }
        jdbc.sql("""
                        insert into enterprise_account (username, enterprise_id, assigned_by) values (:u, :e, :by)
                        on conflict (username) do update set enterprise_id = excluded.enterprise_id, assigned_by = excluded.assigned_by,
                                                             assigned_at = now()
                        """).param("u", name).param("e", enterpriseId).param("by", actor.username()).update();
        audit.record(AuditActions.ENTERPRISE_ACCOUNT_ASSIGNED, "enterprise:" + enterpriseId, name);
    }

    /** The accounts bound to an enterprise in scope. */
    @Transactional(readOnly = true)
    public List<String> accountsOf(long enterpriseId, Actor actor) {
        find(enterpriseId, actor);
        return jdbc.sql("select username from enterprise_account where enterprise_id = :e order by username")
                .param("e", enterpriseId).query(String.class).list();
    }

    /** The enterprise an ENTERPRISE account is bound to, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> own(Actor actor) {
        return jdbc.sql("select enterprise_id from enterprise_account where username = :u")
                .param("u", actor.username()).query(Long.class).optional();
    }

    /** The {@code :account} parameter of {@link #OWN}: the username of an enterprise's own account, else null. */
    static String account(Actor actor) {
        return actor.is(Role.ENTERPRISE) ? actor.username() : null;
    }

    /** Officers, commanders and admins read the registry of their scope; an enterprise its own entry. */
    static void requireRead(Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.COMMANDER) && !actor.is(Role.ADMIN) && !actor.is(Role.ENTERPRISE)) {
            throw new AccessDeniedException("the enterprise registry is for officers, commanders and enterprises");
        }
    }

    static void requireOfficer(Actor actor) {
        if (!actor.is(Role.OFFICER) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("officers keep the enterprise registry");
        }
    }

    /** A township (an industrial park) or a village or community of the caller's scope: its code. */
    String place(String code, Actor actor) {
        Jurisdiction place = jurisdictions.find(code == null ? "" : code.strip(), actor.scopePath())
                .filter(j -> j.level() == Level.TOWNSHIP || j.level() == Level.VILLAGE)
                .orElseThrow(() -> new FieldException("jurisdiction", "validation.enterprise.place"));
        return place.code();
    }

    /** Checks a form: each fault names its field; {@code place} checks the place's code. */
    static Checked check(EnterpriseForm form, Function<String, String> place) {
        CreditCode code = CreditCode.parse(form.creditCode(), "creditCode");
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new FieldException("name", "validation.enterprise.name");
        }
        String division = Industry.division(form.division(), form.section(), "division");
        String section = Industry.ofDivision(Integer.parseInt(division)).orElseThrow().name();
        SizeClass size;
        try {
            size = form.sizeClass() == null || form.sizeClass().isBlank() ? SizeClass.SMALL
                    : SizeClass.valueOf(form.sizeClass().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException("sizeClass", "validation.enterprise.sizeClass");
        }
        if (form.staffTotal() == null || form.staffTotal() < 0 || form.staffTotal() > 1_000_000) {
            throw new FieldException("staffTotal", "validation.enterprise.staffTotal");
        }
        String where = place.apply(form.jurisdiction());
        return new Checked(code, name, section, division, size, Boolean.TRUE.equals(form.aboveScale()),
                Boolean.TRUE.equals(form.medicalSupplies()), Boolean.TRUE.equals(form.livelihoodSupply()), where,
                text(form.park(), 100), text(form.address(), 200), form.staffTotal());
    }

    static String text(String s, int max) {
        String t = s == null ? "" : s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
