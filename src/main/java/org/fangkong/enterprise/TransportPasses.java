package org.fangkong.enterprise;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.lowagie.text.Font;
import org.fangkong.common.InvalidValueException;
import org.fangkong.common.KeySupplyPasses;
import org.fangkong.common.Masking;
import org.fangkong.common.PhoneNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pdf.CjkFonts;
import org.fangkong.common.pdf.QrPoster;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.web.ConflictException;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 重点物资运输通行证: an officer issues a pass to an enterprise's vehicle (plate, driver, goods,
 * route, validity), printed with its number as a QR code; a gate checks it by number and sees valid,
 * not yet valid, expired or revoked ({@link KeySupplyPasses}). The driver is sealed like every
 * identity and never shown at the gate.
 */
@Service
public class TransportPasses implements KeySupplyPasses {

    /** What an officer issues: validity from today for 14 days when not given. */
    public record PassForm(String plate, String driverName, String driverPhone, String goods, String route, LocalDate validFrom,
                           LocalDate validTo) {
    }

    public record TransportPass(long id, String number, long enterpriseId, String enterpriseName, String plate, String driverName,
                                String driverPhone, String goods, String route, LocalDate validFrom, LocalDate validTo,
                                String issuedBy, Instant issuedAt, Instant revokedAt, String revokeReason) {
    }

    static final int DEFAULT_DAYS = 14;
    private static final String NUMBER_CHARS = "23456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String SELECT = """
            select t.*, e.name as enterprise_name from transport_pass t join enterprise e on e.id = t.enterprise_id
            join jurisdiction j on j.code = e.jurisdiction_code
            """;
    private static final RowMapper<TransportPass> MAPPER = (rs, n) -> {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new TransportPass(rs.getLong("id"), rs.getString("number"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
                rs.getString("plate"), rs.getString("driver_name_masked"), rs.getString("driver_phone_masked"), rs.getString("goods"),
                rs.getString("route"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("issued_by"), rs.getTimestamp("issued_at").toInstant(), revoked == null ? null : revoked.toInstant(),
                rs.getString("revoke_reason"));
    };

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final PiiSealer sealer;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TransportPasses(JdbcClient jdbc, Enterprises enterprises, PiiSealer sealer, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.sealer = sealer;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public TransportPass issue(long enterpriseId, PassForm form, Actor actor) {
        enterprises.find(enterpriseId, actor);
        Enterprises.requireOfficer(actor);
        String plate = form.plate() == null ? "" : form.plate().strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (!plate.matches("[\\p{IsHan}][A-Z][A-Z0-9]{5,6}")) {
            throw new FieldException("plate", "validation.pass.plate");
        }
        String driver = form.driverName() == null ? "" : form.driverName().strip();
        if (driver.isEmpty() || driver.length() > 50) {
            throw new FieldException("driverName", "validation.pass.driverName");
        }
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(form.driverPhone());
        } catch (InvalidValueException e) {
            throw new FieldException("driverPhone", e.messageKey());
        }
        String goods = Enterprises.text(form.goods(), 200);
        if (goods.isEmpty()) {
            throw new FieldException("goods", "validation.pass.goods");
        }
        String route = Enterprises.text(form.route(), 300);
        if (route.isEmpty()) {
            throw new FieldException("route", "validation.pass.route");
        }
        LocalDate today = ShanghaiTime.today(clock);
        LocalDate from = form.validFrom() == null ? today : form.validFrom();
        LocalDate to = form.validTo() == null ? from.plusDays(DEFAULT_DAYS - 1) : form.validTo();
        if (from.isBefore(today)) {
            throw new FieldException("validFrom", "validation.pass.validFrom");
        }
        if (to.isBefore(from) || to.isAfter(from.plusDays(89))) {
            throw new FieldException("validTo", "validation.pass.validTo");
        }
        long id = jdbc.sql("""
                        insert into transport_pass (number, enterprise_id, plate, driver_name_sealed, driver_name_masked,
                                                    driver_phone_sealed, driver_phone_masked, goods, route, valid_from, valid_to, issued_by)
                        values (:number, :e, :plate, :ns, :nm, :ps, :pm, :goods, :route, :from, :to, :by)
                        on conflict (number) do nothing returning id
                        """)
                .param("number", newNumber()).param("e", enterpriseId).param("plate", plate).param("ns", sealer.encrypt(driver))
                .param("nm", Masking.name(driver)).param("ps", sealer.encrypt(phone.value())).param("pm", phone.masked())
                .param("goods", goods).param("route", route).param("from", from).param("to", to).param("by", actor.username())
                .query(Long.class).optional().orElseThrow(() -> new IllegalStateException("pass number clash, try again"));
        return find(id, actor);
    }

    @Transactional
    public TransportPass revoke(long passId, String reason, Actor actor) {
        TransportPass p = find(passId, actor);
        Enterprises.requireOfficer(actor);
        String why = Enterprises.text(reason, 500);
        if (why.isEmpty()) {
            throw new FieldException("reason", "validation.pass.revokeReason");
        }
        int done = jdbc.sql("""
                        update transport_pass set revoked_at = now(), revoked_by = :by, revoke_reason = :why
                        where id = :id and revoked_at is null
                        """).param("by", actor.username()).param("why", why).param("id", passId).update();
        if (done == 0) {
            throw new ConflictException("pass", "validation.pass.revoked");
        }
        audit.record(AuditActions.PASS_REVOKED, "pass:" + p.number(), why);
        return find(passId, actor);
    }

    @Transactional(readOnly = true)
    public TransportPass find(long passId, Actor actor) {
        Enterprises.requireRead(actor);
        return jdbc.sql(SELECT + " where t.id = :id and j.path <@ cast(:scope as ltree)" + Enterprises.OWN)
                .param("id", passId).param("scope", actor.scopePath()).param("account", Enterprises.account(actor)).query(MAPPER)
                .optional().orElseThrow(() -> new NotFoundException("pass"));
    }

    /** An enterprise's passes, newest first. */
    @Transactional(readOnly = true)
    public List<TransportPass> of(long enterpriseId, Actor actor) {
        enterprises.find(enterpriseId, actor);
        return jdbc.sql(SELECT + " where t.enterprise_id = :e order by t.issued_at desc").param("e", enterpriseId).query(MAPPER).list();
    }

    /** The pass to print and carry: its number large, as a QR code, with what the gate checks. */
    @Transactional(readOnly = true)
    public byte[] pdf(long passId, Actor actor) {
        TransportPass p = find(passId, actor);
        Font line = CjkFonts.font(16, Font.NORMAL);
        return QrPoster.pdf("重点物资运输通行证 " + p.number(),
                List.of(CjkFonts.centered("重点物资运输通行证", CjkFonts.font(32, Font.BOLD), 6),
                        CjkFonts.centered(p.number(), CjkFonts.font(28, Font.BOLD), 12)),
                p.number(),
                List.of(CjkFonts.centered("车牌号：" + p.plate() + "　驾驶员：" + p.driverName(), line, 4),
                        CjkFonts.centered("企业：" + p.enterpriseName(), line, 4),
                        CjkFonts.centered("物资：" + p.goods(), line, 4),
                        CjkFonts.centered("路线：" + p.route(), line, 4),
                        CjkFonts.centered("有效期：" + p.validFrom() + " 至 " + p.validTo(), CjkFonts.font(18, Font.BOLD), 4),
                        CjkFonts.centered("卡口扫码或输入编号核验；车辆人员仍须测温登记。", CjkFonts.font(12, Font.NORMAL), 2)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Pass> find(String number) {
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        return jdbc.sql("""
                        select t.number, e.name, t.plate, t.goods, t.route, t.valid_from, t.valid_to, t.revoked_at is not null
                        from transport_pass t join enterprise e on e.id = t.enterprise_id where t.number = :n
                        """).param("n", n)
                .query((rs, i) -> new Pass(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getBoolean(8))).optional();
    }

    private String newNumber() {
        StringBuilder b = new StringBuilder("TX");
        for (int i = 0; i < 8; i++) {
            b.append(NUMBER_CHARS.charAt(random.nextInt(NUMBER_CHARS.length())));
        }
        return b.toString();
    }
}
