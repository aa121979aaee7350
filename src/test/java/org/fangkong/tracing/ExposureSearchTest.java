package org.fangkong.tracing;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.fangkong.checkin.CheckinFixtures;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.pii.PiiSealer;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.fangkong.venue.PublicVenue;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FangkongTest
class ExposureSearchTest {

    static final Actor ADMIN = new Actor(0, "tracing-test", "测试", Role.ADMIN, "37", "37");

    @Autowired
    ExposureSearch search;
    @Autowired
    CheckinFixtures fixtures;
    @Autowired
    Venues venues;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PiiSealer sealer;
    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;

    record Planned(PublicVenue venue, String phone, Instant at) {
    }

    record Stored(long venueId, String hash, Instant in, Instant out, String masked) {
    }

    record Expected(long venueId, Instant indexIn, Instant in, Instant out, long minutes, ContactClass cls, String phone) {
    }

    /** A small generated town: 6 venues, 120 phones, visits over two days, recorded through the real rules. */
    List<PublicVenue> town(long seed, String prefix, String jurisdiction) {
        Random random = new Random(seed);
        List<PublicVenue> places = new ArrayList<>();
        VenueType[] types = {VenueType.SUPERMARKET, VenueType.PHARMACY, VenueType.RESTAURANT, VenueType.MARKET,
                VenueType.ENTERPRISE, VenueType.OTHER};
        for (int i = 0; i < types.length; i++) {
            var v = venues.create(new VenueForm(prefix + i, types[i], jurisdiction, "", null), ADMIN);
            places.add(venues.byCode(v.code()).orElseThrow());
        }
        LocalDate day0 = LocalDate.now(ShanghaiTime.ZONE).minusDays(3);
        List<Planned> plan = new ArrayList<>();
        for (int p = 0; p < 120; p++) {
            String phone = String.format("137%04d%04d", seed % 10_000, p);
            for (int k = 0; k < 6; k++) {
                Instant at = day0.plusDays(random.nextInt(2)).atTime(7 + random.nextInt(14), random.nextInt(60))
                        .atZone(ShanghaiTime.ZONE).toInstant();
                plan.add(new Planned(places.get(random.nextInt(places.size())), phone, at));
            }
        }
        plan.sort(Comparator.comparing(Planned::at));
        for (Planned p : plan) {
            fixtures.record(p.venue(), p.phone(), p.at());
        }
        return places;
    }

    @Test
    void matchesABruteForceComputationOverGeneratedData() {
        List<PublicVenue> places = town(4242, "暴力校验场所", "370102001002");
        Actor officer = new Actor(0, "officer", "测试", Role.OFFICER, "370102", "37.3701.370102");
        LocalDate day0 = LocalDate.now(ShanghaiTime.ZONE).minusDays(3);
        Instant from = day0.atStartOfDay(ShanghaiTime.ZONE).toInstant();
        Instant to = day0.plusDays(2).atStartOfDay(ShanghaiTime.ZONE).toInstant();
        int buffer = 5;
        int close = 15;

        List<Stored> all = jdbc.sql("""
                        select venue_id, encode(phone_hash, 'hex'), checked_in_at, checked_out_at, phone_masked
                        from checkin where venue_id in (:ids)
                        """)
                .param("ids", places.stream().map(PublicVenue::id).toList())
                .query((rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
        int checked = 0;
        for (int p = 0; p < 120; p += 7) {
            String phone = String.format("137%04d%04d", 4242, p);
            String hash = HexFormat.of().formatHex(sealer.hash(phone));
            List<Expected> expected = new ArrayList<>();
            for (Stored a : all) {
                if (!a.hash().equals(hash) || !a.in().isBefore(to) || !a.out().isAfter(from)) {
                    continue;
                }
                Instant lo = a.in().minus(buffer, ChronoUnit.MINUTES);
                Instant hi = a.out().plus(buffer, ChronoUnit.MINUTES);
                for (Stored b : all) {
                    if (b.venueId() == a.venueId() && !b.hash().equals(hash) && b.in().isBefore(hi) && lo.isBefore(b.out())) {
                        long seconds = Math.max(0, Duration.between(
                                a.in().isAfter(b.in()) ? a.in() : b.in(), a.out().isBefore(b.out()) ? a.out() : b.out()).toSeconds());
                        expected.add(new Expected(a.venueId(), a.in(), b.in(), b.out(), seconds / 60,
                                seconds >= close * 60L ? ContactClass.CLOSE : ContactClass.SAME_TIME, b.masked()));
                    }
                }
            }
            ExposureResult result = search.searchForExport(
                    new ExposureQuery(phone, from, to, buffer, close, false, "流调核对", null, null, null), officer);
            List<Expected> actual = result.contacts().items().stream()
                    .map(r -> new Expected(r.venueId(), r.indexCheckedInAt(), r.checkedInAt(), r.checkedOutAt(),
                            r.overlapMinutes(), r.contactClass(), r.phone()))
                    .toList();
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(result.visits()).hasSize((int) all.stream().filter(s -> s.hash().equals(hash)).count());
            checked += expected.size();
        }
        assertThat(checked).as("the generated town has overlaps to check").isGreaterThan(50);
    }

    @Test
    void apiMasksByDefaultRevealsWithAReasonAndAuditsBoth() throws Exception {
        town(77, "审计场所", "370102001003");
        String officer = Staff.bearer(Staff.token(mvc, staff.create(Role.OFFICER, "370102")));
        String phone = String.format("137%04d%04d", 77, 3);
        String body = "{\"phone\":\"" + phone + "\"}";
        String masked = mvc.perform(post("/api/v1/tracing/exposures").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
                .andExpect(jsonPath("$.visits.length()").value(6))
                .andReturn().getResponse().getContentAsString();
        assertThat(masked).doesNotContainPattern("1370077\\d{4}");
        mvc.perform(post("/api/v1/tracing/exposures").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"" + phone + "\",\"reveal\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        long reveals = jdbc.sql("select count(*) from audit_entry where action = 'PII_REVEAL'").query(Long.class).single();
        String revealed = mvc.perform(post("/api/v1/tracing/exposures").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"" + phone + "\",\"reveal\":true,\"reason\":\"确诊病例流调\",\"size\":200}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value(phone))
                .andReturn().getResponse().getContentAsString();
        assertThat(revealed).containsPattern("\"phone\":\"1370077\\d{4}\"");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PII_REVEAL'").query(Long.class).single())
                .isEqualTo(reveals + 1);
        assertThat(jdbc.sql("select reason from audit_entry where action = 'PII_REVEAL' order by id desc limit 1")
                .query(String.class).single()).isEqualTo("确诊病例流调");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'EXPOSURE_SEARCH' and target = :t")
                .param("t", "phone:" + phone.substring(0, 3) + "****" + phone.substring(7)).query(Long.class).single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyOfficersAndCommandersTraceAndOnlyInTheirScope() throws Exception {
        town(91, "范围场所", "370102002002");
        String phone = String.format("137%04d%04d", 91, 5);
        String body = "{\"phone\":\"" + phone + "\"}";
        for (Role role : new Role[] {Role.GRID_WORKER, Role.VENUE_STAFF, Role.ADMIN}) {
            String token = Staff.bearer(Staff.token(mvc, staff.create(role, "370102")));
            mvc.perform(post("/api/v1/tracing/exposures").header("Authorization", token)
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        }
        String far = Staff.bearer(Staff.token(mvc, staff.create(Role.COMMANDER, "3702")));
        mvc.perform(post("/api/v1/tracing/exposures").header("Authorization", far)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.visits.length()").value(0));
        String near = Staff.bearer(Staff.token(mvc, staff.create(Role.COMMANDER, "3701")));
        mvc.perform(post("/api/v1/tracing/exposures").header("Authorization", near)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.visits.length()").value(6));
        mvc.perform(post("/api/v1/tracing/exposures").header("Authorization", near)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"12\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("phone"));
        mvc.perform(post("/api/v1/tracing/exposures").header("Authorization", near)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"" + phone + "\",\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2025-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("from"));
    }

    @Test
    void exportsAnAuditedWorkbookThatReadsBack() throws Exception {
        town(55, "导出场所", "370102002003");
        String phone = String.format("137%04d%04d", 55, 8);
        String officer = Staff.bearer(Staff.token(mvc, staff.create(Role.OFFICER, "370102")));
        long exports = jdbc.sql("select count(*) from audit_entry where action = 'PII_EXPORT'").query(Long.class).single();
        byte[] xlsx = mvc.perform(post("/api/v1/tracing/exposures/export").header("Authorization", officer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"" + phone + "\",\"reason\":\"导出核查\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PII_EXPORT'").query(Long.class).single())
                .isEqualTo(exports + 1);
        ExposureResult expected = search.search(new ExposureQuery(phone, null, null, null, null, false, null, null,
                200, null), new Actor(0, "x", "x", Role.OFFICER, "370102", "37.3701.370102"));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(1).getCellText(0)).isEqualTo("场所");
            assertThat(rows.get(1).getCellText(7)).isEqualTo("类别");
            assertThat(rows).hasSize(2 + expected.contacts().items().size());
            var first = expected.contacts().items().get(0);
            assertThat(rows.get(2).getCellText(0)).isEqualTo(first.venueName());
            assertThat(rows.get(2).getCellText(3)).isEqualTo(first.phone());
            assertThat(rows.get(2).getCellAsNumber(6).orElseThrow().longValue()).isEqualTo(first.overlapMinutes());
            assertThat(rows.get(2).getCellAsDate(4).orElseThrow())
                    .isEqualTo(LocalDateTime.ofInstant(first.checkedInAt(), ShanghaiTime.ZONE));
        }
    }
}
