package org.fangkong.cases;

import java.time.Clock;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.fangkong.common.IdCardNumber;
import org.fangkong.common.ShanghaiTime;
import org.fangkong.common.security.Role;
import org.fangkong.testsupport.FangkongTest;
import org.fangkong.testsupport.Staff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 一例一方案 (issue 16, item 8): a confirmed case turns severe and is listed for want of a plan, then
 * of a consultation; the expert group's plan and a consultation that changes it clear the list;
 * another county sees nothing.
 */
@FangkongTest
class TreatmentPlansTest {

    static final String VILLAGE = "370112001001"; // 历城区

    @Autowired
    MockMvc mvc;
    @Autowired
    Staff staff;
    @Autowired
    Clock clock;

    ResultActions send(String token, String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions read(String token, String url) throws Exception {
        return mvc.perform(get(url).header("Authorization", "Bearer " + token));
    }

    @Test
    void aSevereCaseGetsOnePlanAndItsConsultations() throws Exception {
        LocalDate today = ShanghaiTime.today(clock);
        String officer = Staff.token(mvc, staff.create(Role.OFFICER, "370112"));
        String other = Staff.token(mvc, staff.create(Role.OFFICER, "370102"));
        String first17 = "370112197805060" + "73";
        long id = ((Number) JsonPath.read(send(officer, "/api/v1/cases", """
                {"name":"重症甲","idNumber":"%s","status":"CONFIRMED","jurisdiction":"%s","confirmedOn":"%s","reportedOn":"%s"}"""
                .formatted(first17 + IdCardNumber.checkCharacter(first17), VILLAGE, today.minusDays(3), today.minusDays(3)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        String plan = "/api/v1/cases/" + id;

        send(officer, plan + "/severity", "{\"severity\":\"MODERATE\",\"on\":\"%s\"}".formatted(today.minusDays(2))).andExpect(status().isOk());
        mvc.perform(put(plan + "/plan").header("Authorization", "Bearer " + officer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"experts\":\"省专家组\",\"plan\":\"x\"}")).andExpect(status().isConflict());
        send(officer, plan + "/severity", "{\"severity\":\"BAD\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("severity"));
        send(officer, plan + "/severity", "{\"severity\":\"SEVERE\",\"note\":\"氧合指数下降\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.severity").value("SEVERE")).andExpect(jsonPath("$.history.length()").value(2));
        read(officer, "/api/v1/cases/severe?jurisdiction=370112").andExpect(jsonPath("$[?(@.caseId == " + id + ")].noPlan").value(true));

        mvc.perform(put(plan + "/plan").header("Authorization", "Bearer " + officer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"experts\":\"省级专家组（呼吸、重症）\",\"plan\":\"高流量氧疗，俯卧位通气\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.plan.version").value(1));
        read(officer, "/api/v1/cases/severe?jurisdiction=370112")
                .andExpect(jsonPath("$[?(@.caseId == " + id + ")].noPlan").value(false))
                .andExpect(jsonPath("$[?(@.caseId == " + id + ")].noConsultationIn24h").value(true));
        send(officer, plan + "/consultations", "{\"experts\":\"远程会诊：齐鲁医院、省立医院\",\"notes\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("notes"));
        send(officer, plan + "/consultations", """
                {"experts":"远程会诊：齐鲁医院、省立医院","notes":"病情稳定，CT 渗出吸收","newPlan":"改为鼻导管吸氧，继续抗病毒"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.plan.version").value(2))
                .andExpect(jsonPath("$.plan.plan").value("改为鼻导管吸氧，继续抗病毒")).andExpect(jsonPath("$.consultations.length()").value(1));
        read(officer, "/api/v1/cases/severe?jurisdiction=370112").andExpect(jsonPath("$[?(@.caseId == " + id + ")]").isEmpty());
        read(officer, "/api/v1/cases/severe?jurisdiction=370112&all=true").andExpect(jsonPath("$[?(@.caseId == " + id + ")]").isNotEmpty());

        read(other, plan + "/plan").andExpect(status().isNotFound());
        send(other, plan + "/consultations", "{\"experts\":\"x\",\"notes\":\"x\"}").andExpect(status().isNotFound());

        MockHttpSession session = Staff.login(mvc, staff.create(Role.OFFICER, "370112"));
        String page = mvc.perform(get("/cases/" + id + "/plan").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("重型").contains("改为鼻导管吸氧").contains("本次会诊调整了方案").doesNotContain("重症甲");
        assertThat(mvc.perform(get("/cases/severe").session(session)).andReturn().getResponse().getContentAsString()).contains("一例一方案");
    }
}
