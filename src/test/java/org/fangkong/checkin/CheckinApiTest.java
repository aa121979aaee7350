package org.fangkong.checkin;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.fangkong.venue.Venue;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@FangkongTest
class CheckinApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Venues venues;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Staff staff;

    static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder b, String address) {
        return b.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    MvcResult checkIn(String code, String phone, String address) throws Exception {
        return mvc.perform(from(post("/api/v1/checkins"), address).contentType(MediaType.APPLICATION_JSON)
                .content("{\"venueCode\":\"" + code + "\",\"phone\":\"" + phone + "\"}")).andReturn();
    }

    @Test
    void publicCheckinAndCheckoutWithoutAnAccount() throws Exception {
        Venue v = CheckinTestSupport.venue(venues, "API 超市", VenueType.SUPERMARKET);
        String phone = CheckinTestSupport.phone();
        MvcResult r = checkIn(v.code(), "+86 " + phone, CheckinTestSupport.address());
        assertThat(r.getResponse().getStatus()).isEqualTo(201);
        String body = r.getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        assertThat((String) JsonPath.read(body, "$.venueName")).isEqualTo("API 超市");
        assertThat((String) JsonPath.read(body, "$.checkedInAt")).isNotBlank();
        assertThat(body).doesNotContain(phone);
        mvc.perform(post("/api/v1/checkins/" + id + "/checkout"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.checkoutReason").value("MANUAL"));
        mvc.perform(post("/api/v1/checkins/20200101-1-forgedforged/checkout")).andExpect(status().isNotFound());
        String partition = "checkin_" + LocalDate.now(ShanghaiTime.ZONE).toString().replace("-", "");
        assertThat(jdbc.sql("select to_regclass(:p) is not null").param("p", partition).query(Boolean.class).single()).isTrue();
    }

    @Test
    void badPhoneUnknownAndClosedVenuesAreClearErrors() throws Exception {
        Venue v = CheckinTestSupport.venue(venues, "错误超市", VenueType.SUPERMARKET);
        String address = CheckinTestSupport.address();
        mvc.perform(from(post("/api/v1/checkins"), address).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"venueCode\":\"" + v.code() + "\",\"phone\":\"12345\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("phone"));
        mvc.perform(from(post("/api/v1/checkins"), address).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"venueCode\":\"no-such-code\",\"phone\":\"13800000000\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("venueCode"));
        venues.setClosed(v.id(), true, CheckinTestSupport.OFFICER);
        mvc.perform(from(post("/api/v1/checkins"), address).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"venueCode\":\"" + v.code() + "\",\"phone\":\"13800000000\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.title").value("该场所已关闭。"));
    }

    @Test
    void oneAddressIsRateLimitedWithRetryAfter() throws Exception {
        Venue v = CheckinTestSupport.venue(venues, "限流超市", VenueType.SUPERMARKET);
        String address = "10.200.1.1";
        int created = 0;
        MvcResult last = null;
        for (int i = 0; i < 70; i++) {
            last = checkIn(v.code(), CheckinTestSupport.phone(), address);
            if (last.getResponse().getStatus() == 201) {
                created++;
            } else {
                break;
            }
        }
        assertThat(created).isBetween(60, 61);
        assertThat(last.getResponse().getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(last.getResponse().getHeader("Retry-After"))).isPositive();
        assertThat(last.getResponse().getContentType()).startsWith("application/problem+json");
        // another address is not affected
        assertThat(checkIn(v.code(), CheckinTestSupport.phone(), "10.200.1.2").getResponse().getStatus()).isEqualTo(201);
    }

    @Test
    void thePublicPageSaysWhenToTryAgain() throws Exception {
        Venue v = CheckinTestSupport.venue(venues, "限流页面超市", VenueType.SUPERMARKET);
        String address = "10.201.1.1";
        int status = 0;
        MvcResult last = null;
        for (int i = 0; i < 70 && status != 429; i++) {
            last = mvc.perform(from(post("/c/" + v.code()), address).param("phone", CheckinTestSupport.phone())).andReturn();
            status = last.getResponse().getStatus();
        }
        assertThat(status).isEqualTo(429);
        assertThat(last.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(last.getResponse().getContentAsString()).contains("请稍后再试").contains("分钟后再试");
    }

    @Test
    void officersImportHistoricalVisitsAllOrNothing() throws Exception {
        Venue v = CheckinTestSupport.venue(venues, "导入超市", VenueType.SUPERMARKET);
        String token = Staff.bearer(Staff.token(mvc, staff.create(Role.OFFICER, "370102")));
        LocalDate day = LocalDate.now(ShanghaiTime.ZONE).minusDays(5);
        String bad = "venueCode,phone,checkedInAt,checkedOutAt\n"
                + v.code() + ",13811112222," + day + " 09:00," + day + " 09:30\n"
                + v.code() + ",1381111," + day + " 09:00,\n"
                + v.code() + ",13811113333," + day + " 10:00,\n"
                + "unknown-venue,13811114444," + day + " 10:00,\n"
                + v.code() + ",13811115555,yesterday,\n";
        long before = jdbc.sql("select count(*) from checkin where venue_id = :v").param("v", v.id()).query(Long.class).single();
        mvc.perform(post("/api/v1/checkins/import").header("Authorization", token).contentType("text/csv").content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rejectedRows").value(3))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("phone"))
                .andExpect(jsonPath("$.errors[1].row").value(5))
                .andExpect(jsonPath("$.errors[1].field").value("venueCode"))
                .andExpect(jsonPath("$.errors[2].row").value(6))
                .andExpect(jsonPath("$.errors[2].field").value("checkedInAt"));
        assertThat(jdbc.sql("select count(*) from checkin where venue_id = :v").param("v", v.id()).query(Long.class).single())
                .isEqualTo(before);
        String good = "venueCode,phone,checkedInAt,checkedOutAt\n"
                + v.code() + ",13811112222," + day + " 09:00," + day + " 09:30\n"
                + v.code() + ",13811113333," + day + "T10:00:00+08:00,\n";
        mvc.perform(post("/api/v1/checkins/import").header("Authorization", token).contentType("text/csv").content(good))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.imported").value(2));
        assertThat(jdbc.sql("select count(*) from checkin where venue_id = :v and source = 'IMPORT'").param("v", v.id())
                .query(Long.class).single()).isEqualTo(2);
        String far = Staff.bearer(Staff.token(mvc, staff.create(Role.OFFICER, "370202")));
        mvc.perform(post("/api/v1/checkins/import").header("Authorization", far).contentType("text/csv").content(good))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("venueCode"));
        String worker = Staff.bearer(Staff.token(mvc, staff.create(Role.GRID_WORKER, "370102001002")));
        mvc.perform(post("/api/v1/checkins/import").header("Authorization", worker).contentType("text/csv").content(good))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/checkins/import").contentType("text/csv").content(good)).andExpect(status().isUnauthorized());
    }

    @Test
    void thePublicPageIsSmallRemembersThePhoneAndShowsClearPages() throws Exception {
        Venue v = CheckinTestSupport.venue(venues, "页面超市", VenueType.SUPERMARKET);
        String address = CheckinTestSupport.address();
        MvcResult page = mvc.perform(from(get("/c/" + v.code()), address))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面超市")))
                .andExpect(content().string(containsString("inputmode=\"numeric\"")))
                .andExpect(content().string(not(containsString("<script"))))
                .andReturn();
        assertThat(page.getResponse().getContentAsByteArray().length).isLessThan(50_000);
        assertThat(page.getRequest().getSession(false)).as("no session for citizens").isNull();
        byte[] css = mvc.perform(get("/css/citizen.css")).andReturn().getResponse().getContentAsByteArray();
        assertThat(page.getResponse().getContentAsByteArray().length + css.length).isLessThan(50_000);

        String phone = CheckinTestSupport.phone();
        MvcResult done = mvc.perform(from(post("/c/" + v.code()), address).param("phone", phone))
                .andExpect(redirectedUrlPattern("/c/" + v.code() + "/v/*"))
                .andExpect(header().string("Set-Cookie", containsString("SameSite=Lax")))
                .andReturn();
        Cookie remembered = done.getResponse().getCookie("FK_PHONE");
        assertThat(remembered.getValue()).doesNotContain(phone);
        mvc.perform(get(done.getResponse().getRedirectedUrl()))
                .andExpect(content().string(containsString("登记成功")))
                .andExpect(content().string(containsString(phone.substring(0, 3) + "****" + phone.substring(7))));
        mvc.perform(from(get("/c/" + v.code()), address).cookie(remembered))
                .andExpect(content().string(containsString("以 " + phone.substring(0, 3) + "****" + phone.substring(7) + " 登记")));
        // the device that opened the visit gets it back from a repeat scan; another device typing the
        // same number gets a visit of its own and learns nothing of the first
        Cookie opened = done.getResponse().getCookie("FK_VISIT");
        assertThat(opened.isHttpOnly()).isTrue();
        assertThat(opened.getValue()).doesNotContain(done.getResponse().getRedirectedUrl().replaceAll(".*/v/", ""));
        mvc.perform(from(post("/c/" + v.code()), address).cookie(remembered, opened))
                .andExpect(redirectedUrl(done.getResponse().getRedirectedUrl()));
        String strangers = mvc.perform(from(post("/c/" + v.code()), CheckinTestSupport.address()).param("phone", phone))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(strangers).startsWith("/c/" + v.code() + "/v/").isNotEqualTo(done.getResponse().getRedirectedUrl());
        mvc.perform(from(post("/c/" + v.code()), address).param("phone", "12"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("11 位")));

        mvc.perform(get("/c/definitely-not-a-venue")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("未找到该场所")));
        venues.setClosed(v.id(), true, CheckinTestSupport.OFFICER);
        mvc.perform(get("/c/" + v.code())).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("该场所已关闭")));
    }
}
