package org.fangkong.privacy;

import java.time.LocalDate;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.security.Actor;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.fangkong.venue.VenueForm;
import org.fangkong.venue.Venues;
import org.fangkong.venue.VenueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No personal data and no secret in any log line (issue 12, item 10): a few real flows with the
 * request log at INFO, plus an error whose message and stack trace quote a phone and an ID number;
 * the captured output is scanned for phone numbers, ID numbers, tokens and secret paths.
 */
@FangkongTest
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTest {

    static final String VILLAGE = "370102001002";
    static final Pattern PHONE = Pattern.compile("(?<![0-9])1[3-9]\\d{9}(?![0-9])");
    static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])\\d{17}[0-9X](?![0-9])");

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    Venues venues;

    @Test
    void flowsAndErrorsLeaveNoPhoneIdNumberTokenOrSecretPathInTheLog(CapturedOutput output) throws Exception {
        ch.qos.logback.classic.Logger requests = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.fangkong.request");
        Level before = requests.getLevel();
        requests.setLevel(Level.INFO);
        String phone = "13912345678";
        String first17 = "370102" + LocalDate.of(1988, 8, 8).toString().replace("-", "") + "417";
        String idNumber = first17 + IdCardNumber.checkCharacter(first17);
        String token;
        String visitPath;
        String linkPath;
        try {
            token = Staff.token(mvc, staff.create(Role.OFFICER, "370102001"));
            var venue = venues.create(new VenueForm("日志超市", VenueType.SUPERMARKET, VILLAGE, "", null),
                    new Actor(0, "log-test", "测试", Role.ADMIN, "37", "37"));
            // a citizen checks in on the public page and opens their visit
            MvcResult checkedIn = mvc.perform(post("/c/" + venue.code()).param("phone", phone)).andReturn();
            visitPath = checkedIn.getResponse().getRedirectedUrl();
            assertThat(visitPath).contains("/v/");
            mvc.perform(get(visitPath)).andExpect(status().isOk());
            // an officer opens an observation order by ID number; the person opens their link
            String opened = mvc.perform(post("/api/v1/observation-orders").header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"name":"日志人","idNumber":"%s","phone":"%s","reason":"OFFICER","anchorDate":"%s",
                                     "jurisdiction":"%s","address":"日志 1 号"}""".formatted(idNumber, phone,
                                    LocalDate.now().minusDays(1), VILLAGE)))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            String link = JsonPath.read(opened, "$.link");
            linkPath = link.substring(link.indexOf("/o/"));
            mvc.perform(get(linkPath)).andExpect(status().isOk());
            mvc.perform(get(linkPath + "x")).andExpect(status().isNotFound());
            // a search by phone in a query string and a bad request quoting the ID number
            mvc.perform(get("/api/v1/residents").param("q", phone).header("Authorization", "Bearer " + token));
            mvc.perform(post("/api/v1/observation-orders").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":" + idNumber + "x}"));
            // an error whose message and stack trace quote both
            LoggerFactory.getLogger("org.fangkong.test").error("could not reach " + phone + " (" + idNumber + ")",
                    new IllegalStateException("bad input " + idNumber + " / " + phone + " Bearer " + token,
                            new IllegalArgumentException("cause " + phone)));
        } finally {
            requests.setLevel(before);
        }
        String log = output.getAll();
        assertThat(log).contains("GET /c/").contains("/v/***").contains("/o/***"); // the request lines were written
        assertThat(log).contains("could not reach 139****5678");
        assertThat(PHONE.matcher(log).find()).as("a phone number in the log").isFalse();
        assertThat(ID_NUMBER.matcher(log).find()).as("an ID number in the log").isFalse();
        assertThat(log).doesNotContain(token).doesNotContain(visitPath).doesNotContain(linkPath.substring(3));
    }
}
