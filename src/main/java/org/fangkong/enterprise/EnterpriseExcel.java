package org.fangkong.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.fangkong.common.DayText;
import org.fangkong.common.RowChecks;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.Workbooks;
import org.fangkong.common.Workbooks.RawRow;
import org.fangkong.common.jobs.JobProgress;
import org.fangkong.common.jobs.Jobs;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.AuditActions;
import org.fangkong.common.security.AuditTrail;
import org.fangkong.common.web.FieldException;
import org.fangkong.common.web.RowsRejected;
import org.fangkong.common.web.RowsRejected.RowError;
import org.fangkong.enterprise.Enterprise.SizeClass;
import org.fangkong.enterprise.Enterprise.State;
import org.fangkong.jurisdiction.Jurisdictions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The enterprise registry (企业名录) in and out of Excel: the export is the import's layout; the
 * import checks every row as registering does (faults named by the Chinese column), refuses the
 * file whole unless only the valid rows were asked for, registers new credit codes, updates those of
 * the importer's area, and records each row's state from its day. Chunks of {@link Workbooks#CHUNK}.
 */
@Service
public class EnterpriseExcel {

    public static final String[] HEADERS = {"统一社会信用代码", "企业名称", "行业门类", "行业大类", "企业规模", "规模以上", "医疗物资生产",
            "生活物资保障", "所在地区划代码", "园区", "地址", "职工总数", "复工状态", "状态日期", "返岗人数"};
    static final Map<SizeClass, String> SIZES = Map.of(SizeClass.LARGE, "大型", SizeClass.MEDIUM, "中型", SizeClass.SMALL, "小型",
            SizeClass.MICRO, "微型");
    static final Map<State, String> STATES = Map.of(State.NOT_RESUMED, "未复工", State.FILED, "已备案", State.RESUMED, "已复工",
            State.FULL_PRODUCTION, "达产");
    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("creditCode", HEADERS[0]),
            Map.entry("name", HEADERS[1]), Map.entry("section", HEADERS[2]), Map.entry("division", HEADERS[3]),
            Map.entry("sizeClass", HEADERS[4]), Map.entry("jurisdiction", HEADERS[8]), Map.entry("staffTotal", HEADERS[11]),
            Map.entry("state", HEADERS[12]), Map.entry("day", HEADERS[13]), Map.entry("staffBack", HEADERS[14]));

    /** What an import wrote. */
    public record ImportResult(int written, int added, int updated, int rejected, List<RowError> errors) {
    }

    private record Row(Enterprises.Checked e, State state, LocalDate day, int staffBack) {
    }

    private final JdbcClient jdbc;
    private final Enterprises enterprises;
    private final EnterpriseStates states;
    private final Jurisdictions jurisdictions;
    private final AuditTrail audit;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final Clock clock;

    EnterpriseExcel(JdbcClient jdbc, Enterprises enterprises, EnterpriseStates states, Jurisdictions jurisdictions,
                    AuditTrail audit, Jobs jobs, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.states = states;
        this.jurisdictions = jurisdictions;
        this.audit = audit;
        this.jobs = jobs;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The enterprises below a node of the caller's scope, in the import's layout. */
    @Transactional(readOnly = true)
    public byte[] export(String node, Actor actor) {
        Enterprises.requireRead(actor);
        String path = node == null || node.isBlank() ? actor.scopePath() : jurisdictions.require(node.strip(), actor.scopePath()).path();
        List<Enterprise> rows = jdbc.sql(Enterprises.SELECT + " where j.path <@ cast(:node as ltree)" + Enterprises.OWN
                        + " order by e.jurisdiction_code, e.name, e.id")
                .param("node", path).param("account", Enterprises.account(actor)).query(Enterprises.MAPPER).list();
        return Workbooks.sheet("企业名录", HEADERS, rows, e -> new Object[] {e.creditCode(), e.name(), e.section(), e.division(),
                SIZES.get(e.sizeClass()), e.aboveScale() ? "是" : "否", e.medicalSupplies() ? "是" : "否",
                e.livelihoodSupply() ? "是" : "否", e.jurisdictionCode(), e.park(), e.address(), e.staffTotal(), STATES.get(e.state()),
                e.stateSince(), e.staffBack()});
    }

    @Transactional
    public ImportResult importXlsx(byte[] xlsx, boolean validRowsOnly, Actor actor) {
        return importRows(read(xlsx), validRowsOnly, actor, null);
    }

    /** The import in the background: the job's page shows each phase's progress and the outcome. */
    public UUID startImport(byte[] xlsx, boolean validRowsOnly, Actor actor) {
        Enterprises.requireOfficer(actor);
        return jobs.start("enterpriseImport", actor, "/enterprises", progress -> {
            progress.phase("reading", 0);
            List<RawRow> rows = read(xlsx);
            return tx.execute(status -> importRows(rows, validRowsOnly, actor, progress));
        });
    }

    private static List<RawRow> read(byte[] xlsx) {
        List<RawRow> rows = Workbooks.read(xlsx, HEADERS.length, c -> c == 13);
        if (rows.isEmpty()) {
            throw new FieldException("file", "validation.import.empty");
        }
        return rows;
    }

    private ImportResult importRows(List<RawRow> rows, boolean validRowsOnly, Actor actor, JobProgress progress) {
        Enterprises.requireOfficer(actor);
        LocalDate today = ShanghaiTime.today(clock);
        Map<String, String> places = new HashMap<>();
        Set<String> seen = new HashSet<>();
        RowChecks.Checked<Row> checked = RowChecks.each(rows, row -> check(row, today, places, seen, actor),
                field -> COLUMNS.getOrDefault(field, field), progress).orReject(validRowsOnly);
        List<Row> valid = checked.valid();
        List<RowError> errors = new ArrayList<>(checked.errors());
        if (progress != null) {
            progress.phase("writing", valid.size());
        }
        int added = 0;
        int written = 0;
        for (int from = 0; from < valid.size(); from += Workbooks.CHUNK) {
            List<Row> chunk = valid.subList(from, Math.min(valid.size(), from + Workbooks.CHUNK));
            Map<String, Long> ids = new HashMap<>();
            Map<String, LocalDate> last = new HashMap<>();
            Set<String> elsewhere = existing(chunk, actor, ids, last);
            List<Row> fresh = new ArrayList<>();
            List<Row> known = new ArrayList<>();
            for (Row r : chunk) {
                String code = r.e().code().value();
                if (elsewhere.contains(code)) {
                    errors.add(new RowError(rowNumber(rows, code), HEADERS[0], "validation.enterprise.creditCodeElsewhere"));
                } else if (ids.containsKey(code) && last.containsKey(code) && r.day().isBefore(last.get(code))) {
                    errors.add(new RowError(rowNumber(rows, code), HEADERS[13], "validation.enterprise.dayBeforeLastShort"));
                } else {
                    (ids.containsKey(code) ? known : fresh).add(r);
                }
            }
            if (!validRowsOnly && errors.size() > checked.errors().size()) {
                throw new RowsRejected(errors);
            }
            ids.putAll(insert(fresh, actor));
            update(known);
            states.recordAll(fresh.stream().map(r -> change(r, ids)).toList(), actor);
            states.recordAll(known.stream().map(r -> change(r, ids)).toList(), actor);
            added += fresh.size();
            written += fresh.size() + known.size();
            if (progress != null) {
                progress.done(from + chunk.size());
            }
        }
        audit.record(AuditActions.ENTERPRISES_IMPORTED, "enterprises:" + actor.scopeCode(), "rows:" + written);
        return new ImportResult(written, added, written - added, errors.size(), errors);
    }

    private static EnterpriseStates.Change change(Row r, Map<String, Long> ids) {
        return new EnterpriseStates.Change(ids.get(r.e().code().value()), r.state(), r.staffBack(), r.day(), "");
    }

    private static int rowNumber(List<RawRow> rows, String code) {
        return rows.stream().filter(r -> r.cell(0).equalsIgnoreCase(code)).mapToInt(RawRow::number).findFirst().orElse(0);
    }

    /**
     * The chunk's credit codes already registered: their ids and last state days when in the
     * importer's area, else only that they are (a row may not move another area's enterprise).
     */
    private Set<String> existing(List<Row> chunk, Actor actor, Map<String, Long> ids, Map<String, LocalDate> last) {
        Set<String> elsewhere = new HashSet<>();
        // one index probe per code (lateral): the table grows fast during an import, its statistics lag
        jdbc.sql("""
                        select e.credit_code, e.id, j.path <@ cast(:scope as ltree) as mine,
                               (select max(day) from enterprise_status s where s.enterprise_id = e.id) as last_day
                        from unnest(cast(:codes as text[])) as u(code)
                        join lateral (select * from enterprise x where x.credit_code = u.code) e on true
                        join jurisdiction j on j.code = e.jurisdiction_code
                        """)
                .param("scope", actor.scopePath()).param("codes", chunk.stream().map(r -> r.e().code().value()).toArray(String[]::new))
                .query((rs, n) -> {
                    if (rs.getBoolean("mine")) {
                        ids.put(rs.getString(1), rs.getLong(2));
                        LocalDate d = rs.getObject("last_day", LocalDate.class);
                        if (d != null) {
                            last.put(rs.getString(1), d);
                        }
                    } else {
                        elsewhere.add(rs.getString(1));
                    }
                    return 1;
                }).list();
        return elsewhere;
    }

    private Map<String, Long> insert(List<Row> rows, Actor actor) {
        Map<String, Long> ids = new HashMap<>();
        if (rows.isEmpty()) {
            return ids;
        }
        Columns c = new Columns(rows);
        jdbc.sql("""
                        insert into enterprise (credit_code, name, industry_section, industry_division, size_class, above_scale,
                                                medical_supplies, livelihood_supply, jurisdiction_code, park, address, staff_total,
                                                created_by)
                        select k.*, :by from unnest(cast(:code as text[]), cast(:name as text[]), cast(:section as text[]),
                                                    cast(:division as text[]), cast(:size as text[]), cast(:above as boolean[]),
                                                    cast(:medical as boolean[]), cast(:livelihood as boolean[]),
                                                    cast(:place as text[]), cast(:park as text[]), cast(:address as text[]),
                                                    cast(:staff as int[])) as k
                        returning credit_code, id
                        """)
                .params(c.params()).param("by", actor.username())
                .query((rs, n) -> ids.put(rs.getString(1).strip(), rs.getLong(2))).list();
        return ids;
    }

    private void update(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Columns c = new Columns(rows);
        jdbc.sql("""
                        update enterprise e set name = k.name, industry_section = k.section, industry_division = k.division,
                                                size_class = k.size, above_scale = k.above, medical_supplies = k.medical,
                                                livelihood_supply = k.livelihood, jurisdiction_code = k.place, park = k.park,
                                                address = k.address, staff_total = k.staff, updated_at = now()
                        from unnest(cast(:code as text[]), cast(:name as text[]), cast(:section as text[]), cast(:division as text[]),
                                    cast(:size as text[]), cast(:above as boolean[]), cast(:medical as boolean[]),
                                    cast(:livelihood as boolean[]), cast(:place as text[]), cast(:park as text[]),
                                    cast(:address as text[]), cast(:staff as int[]))
                             as k(code, name, section, division, size, above, medical, livelihood, place, park, address, staff)
                        where e.credit_code = k.code
                        """).params(c.params()).update();
    }

    /** A chunk's rows as the arrays of one statement. */
    private static final class Columns {
        final String[] code, name, section, division, size, place, park, address;
        final Boolean[] above, medical, livelihood;
        final Integer[] staff;

        Columns(List<Row> rows) {
            int n = rows.size();
            code = new String[n];
            name = new String[n];
            section = new String[n];
            division = new String[n];
            size = new String[n];
            place = new String[n];
            park = new String[n];
            address = new String[n];
            above = new Boolean[n];
            medical = new Boolean[n];
            livelihood = new Boolean[n];
            staff = new Integer[n];
            for (int i = 0; i < n; i++) {
                Enterprises.Checked e = rows.get(i).e();
                code[i] = e.code().value();
                name[i] = e.name();
                section[i] = e.section();
                division[i] = e.division();
                size[i] = e.size().name();
                place[i] = e.place();
                park[i] = e.park();
                address[i] = e.address();
                above[i] = e.aboveScale();
                medical[i] = e.medical();
                livelihood[i] = e.livelihood();
                staff[i] = e.staffTotal();
            }
        }

        Map<String, Object> params() {
            Map<String, Object> p = new HashMap<>();
            p.put("code", code);
            p.put("name", name);
            p.put("section", section);
            p.put("division", division);
            p.put("size", size);
            p.put("above", above);
            p.put("medical", medical);
            p.put("livelihood", livelihood);
            p.put("place", place);
            p.put("park", park);
            p.put("address", address);
            p.put("staff", staff);
            return p;
        }
    }

    /** One row checked as registering checks a form, plus its state, day and staff back. */
    private Row check(RawRow row, LocalDate today, Map<String, String> places, Set<String> seen, Actor actor) {
        String size = row.cell(4).isEmpty() ? null
                : Workbooks.label(SIZES, row.cell(4)).map(Enum::name).orElse(row.cell(4));
        EnterpriseForm form = new EnterpriseForm(row.cell(0), row.cell(1), row.cell(3), row.cell(2), size, yes(row.cell(5), HEADERS[5]),
                yes(row.cell(6), HEADERS[6]), yes(row.cell(7), HEADERS[7]), row.cell(8), row.cell(9), row.cell(10),
                number(row.cell(11), "staffTotal"));
        Enterprises.Checked e = Enterprises.check(form, code -> placeOf(code, places, actor));
        if (!seen.add(e.code().value())) {
            throw new FieldException("creditCode", "validation.enterprise.creditCodeTwice");
        }
        State state = row.cell(12).isEmpty() ? State.NOT_RESUMED : Workbooks.label(STATES, row.cell(12))
                .orElseThrow(() -> new FieldException("state", "validation.enterprise.stateLabel"));
        LocalDate day;
        try {
            day = row.cell(13).isEmpty() ? today : DayText.parseOrNull(row.cell(13));
        } catch (IllegalArgumentException x) {
            throw new FieldException("day", "validation.import.date");
        }
        if (day.isAfter(today)) {
            throw new FieldException("day", "validation.import.futureDate");
        }
        Integer back = row.cell(14).isEmpty() ? 0 : number(row.cell(14), "staffBack");
        if (back == null || back < 0 || back > e.staffTotal()) {
            throw new FieldException("staffBack", "validation.enterprise.staffBackShort");
        }
        return new Row(e, state, day, back);
    }

    /** The place's code when it is one of the importer's area, asked once per code. */
    private String placeOf(String code, Map<String, String> places, Actor actor) {
        String place = places.computeIfAbsent(code == null ? "" : code.strip(), c -> {
            try {
                return enterprises.place(c, actor);
            } catch (FieldException x) {
                return "";
            }
        });
        if (place.isEmpty()) {
            throw new FieldException("jurisdiction", "validation.enterprise.place");
        }
        return place;
    }

    private static Boolean yes(String cell, String column) {
        return switch (cell) {
            case "", "否", "N", "n", "0" -> false;
            case "是", "Y", "y", "1" -> true;
            default -> throw new FieldException(column, "validation.import.yesNo");
        };
    }

    private static Integer number(String cell, String field) {
        try {
            return cell.isEmpty() ? null : Integer.valueOf(cell);
        } catch (NumberFormatException x) {
            throw new FieldException(field, "validation.enterprise.staffTotal");
        }
    }
}
