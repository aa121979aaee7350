package org.fangkong.supplies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.fangkong.common.InvalidValueException;
import org.fangkong.common.Masking;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.Workbooks;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.fangkong.jurisdiction.Jurisdiction;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paired assistance (对口支援): medical teams by batch with their members (names and phones sealed,
 * masked on screen, the roster exported in full only with a reason, audited), and the projects sent
 * to the destination (ICU beds, equipment, negative-pressure ambulances) with their status.
 */
@Service
public class PairedAssistance {

    public enum Speciality {
        RESPIRATORY, CRITICAL_CARE, INFECTIOUS, NURSING, INFECTION_CONTROL, LABORATORY, PSYCHOLOGY, OTHER
    }

    public enum MemberRole {
        LEADER, DOCTOR, NURSE, TECHNICIAN, OTHER
    }

    public enum ProjectKind {
        ICU_BEDS, EQUIPMENT, VEHICLE, OTHER
    }

    public enum ProjectStatus {
        PLANNED, SHIPPED, INSTALLED, IN_USE, CLOSED
    }

    public record TeamForm(String jurisdiction, Integer batch, String name, String destination, LocalDate departedOn,
                           LocalDate returnedOn, String note) {
    }

    public record MemberForm(String name, String phone, String homeHospital, String speciality, String role) {
    }

    public record ProjectForm(String jurisdiction, String kind, String title, String destination, Integer quantity, String unit,
                              String note) {
    }

    public record Team(long id, String jurisdictionCode, String jurisdictionName, int batch, String name, String destination,
                       LocalDate departedOn, LocalDate returnedOn, String note, long members) {
    }

    public record Member(long id, long teamId, String name, String phone, String homeHospital, Speciality speciality,
                         MemberRole role) {
    }

    public record Project(long id, String jurisdictionCode, ProjectKind kind, String title, String destination, int quantity,
                          String unit, ProjectStatus status, LocalDate statusOn, String note) {
    }

    private static final String TEAMS = """
            select t.*, j.name as jurisdiction_name, (select count(*) from team_member m where m.team_id = t.id) as members
            from medical_team t join jurisdiction j on j.code = t.jurisdiction_code
            """;
    private static final RowMapper<Team> TEAM = (rs, n) -> new Team(rs.getLong("id"), rs.getString("jurisdiction_code"),
            rs.getString("jurisdiction_name"), rs.getInt("batch"), rs.getString("name"), rs.getString("destination"),
            rs.getObject("departed_on", LocalDate.class), rs.getObject("returned_on", LocalDate.class), rs.getString("note"),
            rs.getLong("members"));
    private static final RowMapper<Member> MEMBER = (rs, n) -> new Member(rs.getLong("id"), rs.getLong("team_id"),
            rs.getString("name_masked"), rs.getString("phone_masked"), rs.getString("home_hospital"),
            Speciality.valueOf(rs.getString("speciality")), MemberRole.valueOf(rs.getString("role")));
    private static final RowMapper<Project> PROJECT = (rs, n) -> new Project(rs.getLong("id"), rs.getString("jurisdiction_code"),
            ProjectKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("destination"), rs.getInt("quantity"),
            rs.getString("unit"), ProjectStatus.valueOf(rs.getString("status")), rs.getObject("status_on", LocalDate.class),
            rs.getString("note"));

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final PiiSealer sealer;
    private final AuditTrail audit;
    private final Clock clock;

    PairedAssistance(JdbcClient jdbc, Jurisdictions jurisdictions, PiiSealer sealer, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Team addTeam(TeamForm form, Actor actor) {
        StockHolders.requireWriter(actor);
        Jurisdiction node = node(form.jurisdiction(), actor);
        if (form.batch() == null || form.batch() < 1 || form.batch() > 100) {
            throw new FieldException("batch", "validation.team.batch");
        }
        String name = required(form.name(), 100, "name");
        String destination = required(form.destination(), 100, "destination");
        if (form.departedOn() == null || form.departedOn().isAfter(ShanghaiTime.today(clock).plusDays(30))) {
            throw new FieldException("departedOn", "validation.team.departedOn");
        }
        if (form.returnedOn() != null && form.returnedOn().isBefore(form.departedOn())) {
            throw new FieldException("returnedOn", "validation.team.returnedOn");
        }
        Long id = jdbc.sql("""
                        insert into medical_team (jurisdiction_code, batch, name, destination, departed_on, returned_on, note, created_by)
                        values (:j, :b, :name, :dest, :dep, :ret, :note, :by) on conflict (jurisdiction_code, batch) do nothing returning id
                        """).param("j", node.code()).param("b", form.batch()).param("name", name).param("dest", destination)
                .param("dep", form.departedOn()).param("ret", form.returnedOn())
                .param("note", SupplyRequests.text(form.note(), 500, "note")).param("by", actor.username())
                .query(Long.class).optional().orElseThrow(() -> new ConflictException("batch", "validation.team.batchTaken"));
        return team(id, actor);
    }

    /** The day a team came back (once). */
    @Transactional
    public Team returned(long teamId, LocalDate on, Actor actor) {
        Team t = team(teamId, actor);
        StockHolders.requireWriter(actor);
        LocalDate day = on == null ? ShanghaiTime.today(clock) : on;
        if (day.isBefore(t.departedOn()) || day.isAfter(ShanghaiTime.today(clock))) {
            throw new FieldException("returnedOn", "validation.team.returnedOn");
        }
        jdbc.sql("update medical_team set returned_on = :d where id = :id").param("d", day).param("id", teamId).update();
        return team(teamId, actor);
    }

    @Transactional(readOnly = true)
    public Team team(long id, Actor actor) {
        StockHolders.requireReader(actor);
        return jdbc.sql(TEAMS + " where t.id = :id and j.path <@ cast(:scope as ltree)").param("id", id)
                .param("scope", actor.scopePath()).query(TEAM).optional().orElseThrow(() -> new NotFoundException("medicalTeam"));
    }

    /** The teams sent from below a node, by batch. */
    @Transactional(readOnly = true)
    public List<Team> teams(String code, Actor actor) {
        StockHolders.requireReader(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        return jdbc.sql(TEAMS + " where j.path <@ cast(:node as ltree) order by t.departed_on, t.jurisdiction_code, t.batch")
                .param("node", node.path()).query(TEAM).list();
    }

    @Transactional
    public Member addMember(long teamId, MemberForm form, Actor actor) {
        team(teamId, actor);
        StockHolders.requireWriter(actor);
        String name = required(form.name(), 50, "name");
        PhoneNumber phone = null;
        if (form.phone() != null && !form.phone().isBlank()) {
            try {
                phone = PhoneNumber.parse(form.phone());
            } catch (InvalidValueException e) {
                throw new FieldException("phone", e.messageKey());
            }
        }
        String hospital = required(form.homeHospital(), 100, "homeHospital");
        Speciality speciality = parse(Speciality.class, form.speciality(), "speciality");
        MemberRole role = parse(MemberRole.class, form.role(), "role");
        long id = jdbc.sql("""
                        insert into team_member (team_id, name_sealed, name_masked, phone_sealed, phone_masked, home_hospital, speciality,
                                                 role, created_by)
                        values (:t, :ns, :nm, :ps, :pm, :h, :s, :r, :by) returning id
                        """).param("t", teamId).param("ns", sealer.encrypt(name)).param("nm", Masking.name(name))
                .param("ps", phone == null ? null : sealer.encrypt(phone.value())).param("pm", phone == null ? "" : phone.masked())
                .param("h", hospital).param("s", speciality.name()).param("r", role.name()).param("by", actor.username())
                .query(Long.class).single();
        return jdbc.sql("select * from team_member where id = :id").param("id", id).query(MEMBER).single();
    }

    /** The members, masked: the team's leaders first, then by hospital. */
    @Transactional(readOnly = true)
    public List<Member> members(long teamId, Actor actor) {
        team(teamId, actor);
        return jdbc.sql("select * from team_member where team_id = :t order by role <> 'LEADER', home_hospital, id")
                .param("t", teamId).query(MEMBER).list();
    }

    /** The roster in full (names and phones), for the sending hospitals: a reason is required and kept in the audit log. */
    @Transactional
    public byte[] rosterXlsx(long teamId, String reason, Actor actor) {
        Team t = team(teamId, actor);
        StockHolders.requireWriter(actor);
        AuditTrail.requireReason(reason);
        record Row(String name, String phone, String hospital, String speciality, String role) {
        }
        List<Row> rows = jdbc.sql("select * from team_member where team_id = :t order by role <> 'LEADER', home_hospital, id")
                .param("t", teamId).query((rs, n) -> new Row(rs.getBytes("name_sealed") == null ? rs.getString("name_masked")
                        : sealer.open(rs.getBytes("name_sealed")), rs.getBytes("phone_sealed") == null ? ""
                        : sealer.open(rs.getBytes("phone_sealed")), rs.getString("home_hospital"),
                        SPECIALITIES[Speciality.valueOf(rs.getString("speciality")).ordinal()],
                        ROLES[MemberRole.valueOf(rs.getString("role")).ordinal()])).list();
        audit.export("medical-team:" + teamId, rows.size(), reason);
        return Workbooks.sheet(t.name(), new String[] {"姓名", "手机号", "派出医院", "专业", "职务"}, rows,
                r -> new Object[] {r.name(), r.phone(), r.hospital(), r.speciality(), r.role()});
    }

    static final String[] SPECIALITIES = {"呼吸", "重症", "感染", "护理", "院感", "检验", "心理", "其他"};
    static final String[] ROLES = {"队长", "医生", "护士", "技师", "其他"};

    @Transactional
    public Project addProject(ProjectForm form, Actor actor) {
        StockHolders.requireWriter(actor);
        Jurisdiction node = node(form.jurisdiction(), actor);
        ProjectKind kind = parse(ProjectKind.class, form.kind(), "kind");
        String title = required(form.title(), 100, "title");
        String destination = required(form.destination(), 100, "destination");
        if (form.quantity() == null || form.quantity() < 1 || form.quantity() > 100_000) {
            throw new FieldException("quantity", "validation.supplies.quantity");
        }
        String unit = required(form.unit(), 10, "unit");
        long id = jdbc.sql("""
                        insert into assistance_project (jurisdiction_code, kind, title, destination, quantity, unit, status_on, note,
                                                        created_by)
                        values (:j, :k, :t, :d, :q, :u, :on, :note, :by) returning id
                        """).param("j", node.code()).param("k", kind.name()).param("t", title).param("d", destination)
                .param("q", form.quantity()).param("u", unit).param("on", ShanghaiTime.today(clock))
                .param("note", SupplyRequests.text(form.note(), 500, "note")).param("by", actor.username()).query(Long.class).single();
        return project(id, actor);
    }

    /** Moves a project on (planned → shipped → installed → in use → closed; never back). */
    @Transactional
    public Project advance(long projectId, String status, String note, Actor actor) {
        Project p = project(projectId, actor);
        StockHolders.requireWriter(actor);
        ProjectStatus next = parse(ProjectStatus.class, status, "status");
        if (next.ordinal() <= p.status().ordinal()) {
            throw new FieldException("status", "validation.project.status");
        }
        jdbc.sql("update assistance_project set status = :s, status_on = :on, note = :note where id = :id")
                .param("s", next.name()).param("on", ShanghaiTime.today(clock))
                .param("note", note == null || note.isBlank() ? p.note() : SupplyRequests.text(note, 500, "note")).param("id", projectId)
                .update();
        return project(projectId, actor);
    }

    @Transactional(readOnly = true)
    public Project project(long id, Actor actor) {
        StockHolders.requireReader(actor);
        return jdbc.sql("""
                        select p.* from assistance_project p join jurisdiction j on j.code = p.jurisdiction_code
                        where p.id = :id and j.path <@ cast(:scope as ltree)
                        """).param("id", id).param("scope", actor.scopePath()).query(PROJECT).optional()
                .orElseThrow(() -> new NotFoundException("assistanceProject"));
    }

    @Transactional(readOnly = true)
    public List<Project> projects(String code, Actor actor) {
        StockHolders.requireReader(actor);
        Jurisdiction node = jurisdictions.nodeOrScope(code, actor);
        return jdbc.sql("""
                        select p.* from assistance_project p join jurisdiction j on j.code = p.jurisdiction_code
                        where j.path <@ cast(:node as ltree) order by p.status = 'CLOSED', p.id
                        """).param("node", node.path()).query(PROJECT).list();
    }

    private Jurisdiction node(String code, Actor actor) {
        return jurisdictions.find(code == null || code.isBlank() ? actor.scopeCode() : code.strip(), actor.scopePath())
                .orElseThrow(() -> new FieldException("jurisdiction", "validation.supplies.holderPlace"));
    }

    private static String required(String value, int max, String field) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw new FieldException(field, "validation.team.text", max);
        }
        return v;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException(field, "validation.team.choice");
        }
    }
}
