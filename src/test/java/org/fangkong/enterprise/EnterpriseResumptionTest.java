package org.fangkong.enterprise;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Enterprise resumption (issue 15, items 1, 2 and 4): the registry refuses bad credit codes and
 * industries naming the field; an enterprise's own account sees only itself; a filing is approved
 * or returned by the officer of its place; resumption is dated and counted in 开工率 and 复岗率, the
 * same from the counties' running sums as from the enterprises' states.
 */
@FangkongTest
class EnterpriseResumptionTest {

    static final String VILLAGE = "370102005001";
    static final String OTHER_COUNTY = "370103";

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    Clock clock;
    @Autowired
    EnterpriseRetention retention;
    @Autowired
    JdbcClient jdbc;

    /** A valid credit code registered in 历下区, never seen before. */
    static String newCreditCode() {
        StringBuilder b = new StringBuilder("91370102");
        for (int i = 0; i < 9; i++) {
            b.append(CreditCode.CHARS.charAt(ThreadLocalRandom.current().nextInt(CreditCode.CHARS.length())));
        }
        return b.append(CreditCode.checkChar(b.toString())).toString();
    }

    ResultActions send(String token, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions read(String token, String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", "Bearer " + token));
    }

    long register(String officer, String code, String name, int staffTotal, boolean aboveScale) throws Exception {
        String body = send(officer, "/api/v1/enterprises", """
                {"creditCode":"%s","name":"%s","division":"27","sizeClass":"MEDIUM","aboveScale":%s,"medicalSupplies":true,
                 "jurisdiction":"%s","park":"","address":"历山路 1 号","staffTotal":%d}""".formatted(code, name, aboveScale, VILLAGE, staffTotal))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.section").value("C"))
                .andExpect(jsonPath("$.state").value("NOT_RESUMED")).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    static String filing(int staffExpected) {
        return """
                {"temperatureChecks":true,"disinfection":true,"suppliesThreeDays":true,"isolationRoom":true,"staggeredMeals":true,
                 "plan":"每日两次测温，食堂分餐","responsibleName":"王经理","responsiblePhone":"13912345670","pledge":true,
                 "plannedOn":"2026-12-10","staffExpected":%d}""".formatted(staffExpected);
    }

    @Test
    void creditCodesFollowGb32100() {
        assertThat(CreditCode.parse("91350100M000100Y43", "c").value()).isEqualTo("91350100M000100Y43");
        assertThat(CreditCode.parse(" 91350100m000100y43 ", "c").value()).isEqualTo("91350100M000100Y43");
        for (String bad : new String[] {"91350100M000100Y44", "91350100M000100Y4", "91350100M0001O0Y43", "91AB0100M000100Y43"}) {
            assertThatThrownBy(() -> CreditCode.parse(bad, "creditCode"))
                    .hasFieldOrPropertyWithValue("field", "creditCode");
        }
    }

    @Test
    void theRegistryRefusesBadInputNamingTheField() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String good = newCreditCode();
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        send(officer, "/api/v1/enterprises", """
                {"creditCode":"%s","name":"坏代码","division":"27","jurisdiction":"%s","staffTotal":10}""".formatted(bad, VILLAGE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("creditCode"))
                .andExpect(jsonPath("$.errors[0].message").value("统一社会信用代码校验位不对，请核对营业执照。"));
        send(officer, "/api/v1/enterprises", """
                {"creditCode":"%s","name":"坏行业","division":"27","section":"A","jurisdiction":"%s","staffTotal":10}""".formatted(good, VILLAGE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("division"));
        send(officer, "/api/v1/enterprises", """
                {"creditCode":"%s","name":"外县","division":"27","jurisdiction":"370103002001","staffTotal":10}""".formatted(good))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("jurisdiction"));
        register(officer, good, "鲁南制药（历下）", 100, true);
        send(officer, "/api/v1/enterprises", """
                {"creditCode":"%s","name":"重复","division":"27","jurisdiction":"%s","staffTotal":10}""".formatted(good, VILLAGE))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("creditCode"));
    }

    @Test
    void filingApprovalResumptionAndRates() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String stranger = Staff.token(mvc, staff.create(Role.OFFICER, OTHER_COUNTY));
        Staff.Account own = staff.create(Role.ENTERPRISE, VILLAGE);
        String ownToken = Staff.token(mvc, own);
        String today = ShanghaiTime.today(clock).toString();
        String before = read(officer, "/api/v1/enterprise-rates?node=370102").andReturn().getResponse().getContentAsString();
        long enterprisesBefore = ((Number) JsonPath.read(before, "$.total.enterprises")).longValue();

        long id = register(officer, newCreditCode(), "齐鲁口罩厂", 200, true);
        long other = register(officer, newCreditCode(), "历下小店", 10, false);
        send(officer, "/api/v1/enterprises/" + id + "/accounts", "{\"username\":\"" + own.username() + "\"}").andExpect(status().isOk());

        // the enterprise sees itself only
        read(ownToken, "/api/v1/enterprises").andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(id));
        read(ownToken, "/api/v1/enterprises/" + other).andExpect(status().isNotFound());
        send(ownToken, "/api/v1/enterprises/" + other + "/filings", filing(5)).andExpect(status().isNotFound());

        // not resumed without an approved filing
        send(ownToken, "/api/v1/enterprises/" + id + "/state", "{\"state\":\"RESUMED\",\"staffBack\":50}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("state"));
        send(ownToken, "/api/v1/enterprises/" + id + "/filings", filing(120).replace("\"pledge\":true", "\"pledge\":false"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("pledge"));
        String filed = send(ownToken, "/api/v1/enterprises/" + id + "/filings", filing(120)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED")).andExpect(jsonPath("$.responsiblePhone").value("139****5670"))
                .andReturn().getResponse().getContentAsString();
        long filingId = ((Number) JsonPath.read(filed, "$.id")).longValue();
        send(ownToken, "/api/v1/enterprises/" + id + "/filings", filing(120)).andExpect(status().isConflict());
        // the enterprise cannot approve itself; another county's officer does not see it
        send(ownToken, "/api/v1/filings/" + filingId + "/approve", "{}").andExpect(status().isForbidden());
        send(stranger, "/api/v1/filings/" + filingId + "/approve", "{}").andExpect(status().isNotFound());
        send(officer, "/api/v1/filings/" + filingId + "/return", "{\"reason\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        read(officer, "/api/v1/filings?node=370102").andExpect(jsonPath("$.items[?(@.id == " + filingId + ")]").isNotEmpty());
        send(officer, "/api/v1/filings/" + filingId + "/approve", "{}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        send(officer, "/api/v1/filings/" + filingId + "/approve", "{}").andExpect(status().isConflict());
        read(ownToken, "/api/v1/enterprises/" + id).andExpect(jsonPath("$.state").value("FILED"))
                .andExpect(jsonPath("$.stateSince").value(today));

        send(ownToken, "/api/v1/enterprises/" + id + "/state", "{\"state\":\"RESUMED\",\"staffBack\":201}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("staffBack"));
        send(ownToken, "/api/v1/enterprises/" + id + "/state", "{\"state\":\"RESUMED\",\"staffBack\":150,\"day\":\"2020-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("day"));
        send(ownToken, "/api/v1/enterprises/" + id + "/state", "{\"state\":\"RESUMED\",\"staffBack\":150}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("RESUMED")).andExpect(jsonPath("$.staffBack").value(150));
        read(ownToken, "/api/v1/enterprises/" + id + "/history").andExpect(jsonPath("$[0].state").value("RESUMED"))
                .andExpect(jsonPath("$.length()").value(1)); // the same day: one row, the last state

        // the county (from the enterprises' states) and the city's child (from the running sums) agree
        String county = read(officer, "/api/v1/enterprise-rates?node=370102").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(county, "$.total.enterprises")).longValue()).isEqualTo(enterprisesBefore + 2);
        String admin = Staff.token(mvc, staff.create(Role.ADMIN, "37"));
        String city = read(admin, "/api/v1/enterprise-rates?node=3701&day=" + today).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        for (String figure : new String[] {"enterprises", "resumed", "aboveEnterprises", "aboveResumed", "staffTotal", "staffBack"}) {
            Object fromStates = JsonPath.read(county, "$.total." + figure);
            Object fromSums = ((List<?>) JsonPath.read(city, "$.children[?(@.code == '370102')]." + figure)).get(0);
            assertThat(((Number) fromSums).longValue()).as(figure).isEqualTo(((Number) fromStates).longValue());
        }
        // the township holding the village has both enterprises, one resumed, 150 of 210 staff back
        String township = read(officer, "/api/v1/enterprise-rates?node=370102005&section=C").andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(township, "$.total.resumed")).longValue())
                .isGreaterThanOrEqualTo(1);
        read(officer, "/api/v1/enterprise-rates?node=370102&section=Z").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("section"));
        read(stranger, "/api/v1/enterprise-rates?node=370102").andExpect(status().isNotFound());
        assertThat((List<?>) JsonPath.read(county, "$.trend")).hasSize(ResumptionRates.TREND_DAYS);
    }

    @Test
    void decidedFilingsGoAfterAYearWithTheirResponsiblePerson() throws Exception {
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        long old = register(officer, newCreditCode(), "旧备案企业", 20, false);
        long fresh = register(officer, newCreditCode(), "新备案企业", 20, false);
        long[] filings = new long[2];
        int i = 0;
        for (long id : new long[] {old, fresh}) {
            String body = send(officer, "/api/v1/enterprises/" + id + "/filings", filing(5)).andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString();
            filings[i] = ((Number) JsonPath.read(body, "$.id")).longValue();
            send(officer, "/api/v1/filings/" + filings[i++] + "/approve", "{}").andExpect(status().isOk());
        }
        jdbc.sql("update resumption_filing set decided_at = now() - interval '400 days' where id = :id").param("id", filings[0]).update();
        assertThat(retention.purge(clock.instant())).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select id from resumption_filing where id in (:a, :b)").param("a", filings[0]).param("b", filings[1])
                .query(Long.class).list()).containsExactly(filings[1]);
        // the enterprise's state, which holds nobody's data, stays
        read(officer, "/api/v1/enterprises/" + old).andExpect(jsonPath("$.state").value("FILED"));
    }
}
